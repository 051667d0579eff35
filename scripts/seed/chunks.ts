import { toCatalogDocument } from '#functions/admin/dialect/catalog';
import { countEntries as countDocumentEntries, MAX_IMPORT_ENTRIES } from '#shared/domain/catalogImport';
import type { ParsedFixtures, ParsedTenantFixture } from '#shared/fixtures/format';

/**
 * The lists a chunk takes a slice of; settings and locations travel with every chunk (the other entries refer to them).
 * Inventory items go before products: a variant's link names an item, which must be stored when the link is imported.
 */
const SECTIONS = ['merchantApiKeys', 'vendors', 'inventoryItems', 'products', 'stored'] as const;
type Section = (typeof SECTIONS)[number];

export interface Chunk {
  document: ParsedFixtures;
  /** Entries the import reports for it, stock records included. */
  entries: number;
  /** Where each chunk entry came from: tenants[t].<section>[i] of the file. */
  origin: { tenant: number; indices: Record<Section, number[]> };
}

/** The entries the import reports for a tenant of the file. */
const countEntries = (tenant: ParsedTenantFixture) => countDocumentEntries(toCatalogDocument(tenant));

/**
 * Splits a fixtures document into import requests that each stay within the import
 * route's limits (entries and bytes). Each chunk is a document of its own.
 */
export function chunkFixtures(fixtures: ParsedFixtures, limits: { entries?: number; bytes: number }): Chunk[] {
  const maxEntries = limits.entries ?? MAX_IMPORT_ENTRIES;
  const chunks: Chunk[] = [];
  fixtures.tenants.forEach((tenant, t) => {
    const base: ParsedTenantFixture = { ...tenant, merchantApiKeys: [], vendors: [], products: [], inventoryItems: [], stored: [] };
    const baseEntries = countEntries(base);
    const baseBytes = JSON.stringify({ tenants: [base] }).length;
    if (baseEntries >= maxEntries)
      throw new Error(
        `tenants[${t}]: its settings and locations alone are ${baseEntries} entries; an import request takes at most ${maxEntries}`,
      );
    let current = open();
    function open() {
      return {
        tenant: {
          ...base,
          merchantApiKeys: [] as string[],
          vendors: [] as ParsedTenantFixture['vendors'],
          products: [] as ParsedTenantFixture['products'],
          inventoryItems: [] as ParsedTenantFixture['inventoryItems'],
          stored: [] as ParsedTenantFixture['stored'],
        },
        entries: baseEntries,
        bytes: baseBytes,
        indices: { merchantApiKeys: [], vendors: [], products: [], inventoryItems: [], stored: [] } as Record<Section, number[]>,
        used: false,
      };
    }
    const close = () => {
      if (current.used)
        chunks.push({
          document: { ...fixtures, tenants: [current.tenant] },
          entries: current.entries,
          origin: { tenant: t, indices: current.indices },
        });
      current = open();
    };
    for (const section of SECTIONS) {
      (tenant[section] as unknown[]).forEach((entry, i) => {
        const entries = countEntries({ ...base, [section]: [entry] }) - baseEntries;
        const bytes = JSON.stringify(entry).length + 1;
        if (baseEntries + entries > maxEntries || baseBytes + bytes > limits.bytes)
          throw new Error(`tenants[${t}].${section}[${i}] alone is too large for one import request`);
        if (current.entries + entries > maxEntries || current.bytes + bytes > limits.bytes) close();
        (current.tenant[section] as unknown[]).push(entry);
        current.indices[section].push(i);
        current.entries += entries;
        current.bytes += bytes;
        current.used = true;
      });
    }
    // A tenant with nothing but settings and locations still gets them imported.
    if (!current.used && !chunks.some((chunk) => chunk.origin.tenant === t)) current.used = true;
    close();
  });
  return chunks;
}

/** A result's path in the chunk, as a path in the file the chunk came from. */
export function originalPath(path: string, origin: Chunk['origin']): string {
  return path.replace(
    /^tenants\[0\](?:\.(merchantApiKeys|vendors|products|inventoryItems|stored)\[(\d+)\])?/,
    (_, section: Section | undefined, index: string | undefined) =>
      section === undefined
        ? `tenants[${origin.tenant}]`
        : `tenants[${origin.tenant}].${section}[${origin.indices[section][Number(index)]}]`,
  );
}
