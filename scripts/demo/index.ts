import type { Fixtures, TenantFixture } from '#shared/store/fixtures';
import { ROUTES, type RouteDefinition, type RouteName } from '#functions/routes';
import { baseCatalog } from '#scripts/demo/base';
import { demo as createInventoryRecord } from '#scripts/demo/createInventoryRecord';
import { demo as createVariant } from '#scripts/demo/createVariant';
import { demo as createVariantInventoryRecord } from '#scripts/demo/createVariantInventoryRecord';
import { demo as linkVariantInventoryItem } from '#scripts/demo/linkVariantInventoryItem';
import { demo as getInventoryRecord } from '#scripts/demo/getInventoryRecord';
import { demo as listInventoryRecords } from '#scripts/demo/listInventoryRecords';
import { demo as reserveInventory } from '#scripts/demo/reserveInventory';
import { demo as releaseInventory } from '#scripts/demo/releaseInventory';
import { demo as adjustInventory } from '#scripts/demo/adjustInventory';
import { demo as listInventoryMovements } from '#scripts/demo/listInventoryMovements';
import { demo as listLowStockInventory } from '#scripts/demo/listLowStockInventory';
import { demo as listVariantInventoryRecords } from '#scripts/demo/listVariantInventoryRecords';
import { demo as getVariantInventoryRecord } from '#scripts/demo/getVariantInventoryRecord';
import { demo as saveVariantInventoryRecord } from '#scripts/demo/saveVariantInventoryRecord';
import { demo as patchVariantInventoryRecord } from '#scripts/demo/patchVariantInventoryRecord';
import { demo as deleteVariantInventoryRecord } from '#scripts/demo/deleteVariantInventoryRecord';
import { demo as listProductInventoryRecords } from '#scripts/demo/listProductInventoryRecords';
import { demo as createProductInventoryRecord } from '#scripts/demo/createProductInventoryRecord';
import { demo as getProductInventoryRecord } from '#scripts/demo/getProductInventoryRecord';
import { demo as saveProductInventoryRecord } from '#scripts/demo/saveProductInventoryRecord';
import { demo as patchProductInventoryRecord } from '#scripts/demo/patchProductInventoryRecord';
import { demo as deleteProductInventoryRecord } from '#scripts/demo/deleteProductInventoryRecord';
import { demo as importCatalog } from '#scripts/demo/importCatalog';
import { demo as exportCatalog } from '#scripts/demo/exportCatalog';
import { demo as createMerchantApiKey } from '#scripts/demo/createMerchantApiKey';
import { demo as listMerchantApiKeys } from '#scripts/demo/listMerchantApiKeys';
import { demo as revokeMerchantApiKey } from '#scripts/demo/revokeMerchantApiKey';
import { demo as getBusinessSettings } from '#scripts/demo/getBusinessSettings';
import { demo as updateBusinessSettings } from '#scripts/demo/updateBusinessSettings';
import { demo as getVariant } from '#scripts/demo/getVariant';
import { demo as listVariants } from '#scripts/demo/listVariants';
import { demo as updateVariant } from '#scripts/demo/updateVariant';
import { demo as createAdjustment } from '#scripts/demo/createAdjustment';
import { demo as adjustmentReasonsReport } from '#scripts/demo/adjustmentReasonsReport';
import { demo as deleteVariant } from '#scripts/demo/deleteVariant';
import type { RouteDemo } from '#scripts/demo/types';
import { demo as getProductVariant } from '#scripts/demo/getProductVariant';
import { demo as listProductVariants } from '#scripts/demo/listProductVariants';
import { demo as updateVariantInventoryItem } from '#scripts/demo/updateVariantInventoryItem';
import { demo as deleteVariantInventoryItem } from '#scripts/demo/deleteVariantInventoryItem';
import { demo as listLocationLevels } from '#scripts/demo/listLocationLevels';
import { demo as createLocationLevel } from '#scripts/demo/createLocationLevel';
import { demo as updateLocationLevel } from '#scripts/demo/updateLocationLevel';
import { demo as deleteLocationLevel } from '#scripts/demo/deleteLocationLevel';
import { demo as batchVariantInventoryItems } from '#scripts/demo/batchVariantInventoryItems';

/** Every route's demo: a route without one does not compile. */
export const DEMOS: Record<RouteName, RouteDemo> = {
  createInventoryRecord,
  linkVariantInventoryItem,
  createVariantInventoryRecord,
  createVariant,
  getInventoryRecord,
  listInventoryRecords,
  reserveInventory,
  releaseInventory,
  adjustInventory,
  listInventoryMovements,
  listLowStockInventory,
  listVariantInventoryRecords,
  getVariantInventoryRecord,
  saveVariantInventoryRecord,
  patchVariantInventoryRecord,
  deleteVariantInventoryRecord,
  listProductInventoryRecords,
  createProductInventoryRecord,
  getProductInventoryRecord,
  saveProductInventoryRecord,
  patchProductInventoryRecord,
  deleteProductInventoryRecord,
  importCatalog,
  exportCatalog,
  createMerchantApiKey,
  listMerchantApiKeys,
  revokeMerchantApiKey,
  getBusinessSettings,
  updateBusinessSettings,
  getProductVariant,
  listProductVariants,
  updateVariantInventoryItem,
  deleteVariantInventoryItem,
  listLocationLevels,
  createLocationLevel,
  updateLocationLevel,
  deleteLocationLevel,
  batchVariantInventoryItems,
  getVariant,
  listVariants,
  updateVariant,
  createAdjustment,
  adjustmentReasonsReport,
  deleteVariant,
};

export interface LoadedDemo {
  route: RouteDefinition;
  demo: RouteDemo;
}

/** The routes with their demos, in the registry's order (the order `npm start` prints them). */
export function loadDemos(routes: readonly RouteDefinition[] = ROUTES): LoadedDemo[] {
  return routes.map((route) => ({ route, demo: DEMOS[route.name as RouteName] }));
}

/**
 * The demo tenant: the shared base plus what the given routes' examples need, arrays concatenated. Demos that share a
 * piece (the stock lifecycle demos share one record) each declare it, so that each stands
 * alone; the shared piece is loaded once (same ID, or same value for keys).
 */
export function demoFixtures(demos: LoadedDemo[]): Fixtures {
  const tenant: Record<string, unknown> = { ...baseCatalog };
  for (const { demo } of demos) {
    for (const [field, value] of Object.entries(demo.catalog)) {
      const current = tenant[field];
      tenant[field] = Array.isArray(current) && Array.isArray(value) ? [...current, ...value.filter((entry) => !current.some((held) => sameEntry(held, entry)))] : value;
    }
  }
  return { tenants: [tenant as TenantFixture] };
}

/** One pasteable command: POSIX shell quoting, status printed on the last line. */
export function curlCommand(baseUrl: string, token: string, method: RouteDefinition['method'], example: RouteDemo['example']): string {
  const url = `${baseUrl}${example.path}${example.query ? `?${example.query}` : ''}`;
  const hasBody = example.body !== undefined;
  const headers = { Authorization: `Bearer ${token}`, ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...example.headers };
  return [
    `curl -sS -w '\\nHTTP %{http_code}\\n' -X ${method} ${shellQuote(url)}`,
    ...Object.entries(headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    ...(hasBody ? [`-d ${shellQuote(JSON.stringify(example.body))}`] : []),
  ].join(' \\\n  ');
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

const sameEntry = (held: unknown, entry: unknown): boolean =>
  held === entry || (typeof held === 'object' && typeof entry === 'object' && held !== null && entry !== null && 'id' in held && 'id' in entry && held.id === entry.id);
