import type { CatalogRestoreStore, PlannedItem, RestoredItem, RestoreSource, StoredGroup } from '#shared/domain/catalogRestoreTypes';

/**
 * Restore: a document of an export (format 2) carries its tenant's items exactly (`stored`). Into a
 * tenant without settings, or one already being restored from that same export, those items are
 * written as they are, only the tenant's ID changed, and nothing else of the document is: every
 * read gives back what the source gave. Into a tenant that holds data, `stored` is left aside and
 * the document's own sections are upserted as any import does (see docs/backup-and-restore.md).
 */

/** The stored items' results: written (restore) or left aside (the tenant holds data, the document's sections are upserted). */
export async function restoreStored(
  store: CatalogRestoreStore,
  tenantId: string,
  document: { restore?: RestoreSource | undefined; stored?: StoredGroup[] | undefined },
  path: string,
  now: string,
): Promise<{ restoring: boolean; results: RestoredItem[] }> {
  const stored = document.stored ?? [];
  const groups = stored.map((group, g) => ({
    path: `${path}.stored[${g}]`,
    items: group.items.map((item, i) => ({ path: `${path}.stored[${g}].items[${i}]`, item })),
  }));
  if (!document.restore) {
    const reason = 'stored items are only written with the export they come from (restore)';
    return { restoring: false, results: groups.flatMap((group) => group.items.map((item) => refusedItem(item, reason))) };
  }
  if (!(await store.claim(tenantId, document.restore, now))) {
    return {
      restoring: false,
      results: groups.flatMap((group) =>
        group.items.map(({ path: at, item }) => ({
          path: at,
          entity: 'stored' as const,
          id: storedItemId(item),
          result: 'unchanged' as const,
          reason: "the tenant holds data: the document's sections are upserted instead",
        })),
      ),
    };
  }
  return { restoring: true, results: await store.write(tenantId, document.restore, groups) };
}

/** How a report names a stored item: its kind and key. */
export const storedItemId = (item: Record<string, unknown>) => `${String(item.type)} ${String(item.pk)} ${String(item.sk)}`;

export const refusedItem = ({ path, item }: PlannedItem, reason: string): RestoredItem => ({
  path,
  entity: 'stored',
  id: storedItemId(item),
  result: 'refused',
  reason,
});
