import { InvalidCursorError } from '#shared/domain/errors';
import type {
  VariantList,
  VariantListPosition,
  VariantListRequest,
  VariantListStore,
  VariantPage,
  VariantSort,
} from '#shared/domain/variant';
import { sideBySide } from '#shared/domain/concurrency';

/**
 * One page of the business's variants (or one product's), active or archived, in the order
 * asked for. `limit + 1` variants are read in the direction of travel, so `has_next`/`has_prev`
 * say exactly whether more lie that way; the other way, a cursor's page asks the store whether
 * anything lies at or behind the cursor. A prev page is read backwards and handed over in the
 * list's order. Cursors are bound to the tenant, the scope and the order: any other is an
 * InvalidCursorError, never a read elsewhere.
 */
export async function listVariants(store: VariantListStore, tenantId: string, request: VariantListRequest): Promise<VariantPage> {
  const list: VariantList = {
    productId: request.productId,
    archived: request.archived,
    sortBy: request.sortBy,
    descending: request.descending,
  };
  const from = request.cursor === null ? undefined : await openCursor(store, tenantId, list, request.cursor);
  const backwards = request.direction === 'prev';
  const [{ run, behind }, total] = await sideBySide([
    store.readVariantList(tenantId, list, { from, backwards, count: request.limit + 1 }),
    request.includeTotal ? store.countVariantList(tenantId, list) : null,
  ]);
  const more = run.length > request.limit;
  const page = run.slice(0, request.limit);
  if (backwards) page.reverse();
  const hasNext = backwards ? behind : more;
  const hasPrev = backwards ? more : behind;
  // An empty page (its variants gone since the cursor was made) keeps the cursor's own position.
  const first = page[0]?.position ?? from;
  const last = page.at(-1)?.position ?? from;
  return {
    items: page.map((entry) => entry.variant),
    total,
    limit: request.limit,
    nextCursor: hasNext && last ? await sealCursor(store, tenantId, list, last) : null,
    prevCursor: hasPrev && first ? await sealCursor(store, tenantId, list, first) : null,
    hasNext,
    hasPrev,
  };
}

/** What a cursor holds: the list it belongs to and a position in it (sealed by the store, so never seen). */
interface CursorContent {
  v: 1;
  tenant: string;
  product_id: string | null;
  archived: boolean;
  sort_by: VariantSort;
  descending: boolean;
  at: VariantListPosition;
}

function sealCursor(store: VariantListStore, tenantId: string, list: VariantList, position: VariantListPosition): Promise<string> {
  const content: CursorContent = {
    v: 1,
    tenant: tenantId,
    product_id: list.productId,
    archived: list.archived,
    sort_by: list.sortBy,
    descending: list.descending,
    at: position,
  };
  return store.sealCursor(tenantId, content);
}

const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** The position a cursor holds, if this very list made it; InvalidCursorError otherwise. */
async function openCursor(store: VariantListStore, tenantId: string, list: VariantList, cursor: string): Promise<VariantListPosition> {
  const content = await store.openCursor(tenantId, cursor);
  if (!isRecord(content)) throw new InvalidCursorError(cursor, 'variants');
  const sameList =
    Object.keys(content).length === 7 &&
    content.v === 1 &&
    content.tenant === tenantId &&
    content.product_id === list.productId &&
    content.archived === list.archived &&
    content.sort_by === list.sortBy &&
    content.descending === list.descending;
  const at = content.at;
  if (!sameList || !isRecord(at) || !Object.values(at).every((value) => typeof value === 'string' && !LONE_SURROGATE.test(value)))
    throw new InvalidCursorError(cursor, 'variants');
  const position = at as VariantListPosition;
  if (!store.isListPosition(tenantId, list, position)) throw new InvalidCursorError(cursor, 'variants');
  return position;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
