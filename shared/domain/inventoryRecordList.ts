import {
  requireOwners,
  type InventoryRecord,
  type InventoryRecordStore,
  type InventoryRecordView,
  type RecordOwner,
} from '#shared/domain/inventoryRecord';

/** What a list asks for: the dialect turns its query syntax into these. */
export interface RecordListQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
  matches(record: InventoryRecord): boolean;
  compare(a: InventoryRecord, b: InventoryRecord): number;
}

export interface RecordPage {
  items: InventoryRecordView[];
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  /** 1-based positions of the first and last item on the page; [n+1, n] when the page is empty. */
  itemRange: [number, number];
}

/**
 * One read of every record at this level; filtering, sorting and paging happen on that
 * set, so the total count is exact.
 */
export async function listInventoryRecords(
  store: InventoryRecordStore,
  tenantId: string,
  owner: RecordOwner,
  query: RecordListQuery,
): Promise<RecordPage> {
  const found = await store.listInventoryRecords(tenantId, owner);
  if (owner.variantId === null ? !found.product : !found.variant) requireOwners(await store.readOwners(tenantId, owner), owner);
  const matching = found.records.filter((view) => query.matches(view.record)).sort((a, b) => query.compare(a.record, b.record));
  const start = (query.page - 1) * query.pageSize;
  const items = matching.slice(start, start + query.pageSize);
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    totalCount: matching.length,
    totalPages: Math.ceil(matching.length / query.pageSize),
    itemRange: [start + 1, start + items.length],
  };
}
