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
  /** Set when the list has no filter and no search and sorts by ID alone: its page can be read in key order. */
  idOrder?: 'ascending' | 'descending';
}

/** Records a keyed page may read to reach its page (page × pageSize); a deeper page reads the level. */
export const MAX_KEYED_READ = 1000;

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
 * A list without filter or search, in ID order, reads only as far as its page: the records in key
 * order up to the page's end, beside the level's kept count of records (TotalCount). Any other
 * list, and a level whose records are not counted yet, reads every record at the level and
 * filters, sorts and pages that set, so its total count is exact too.
 */
export async function listInventoryRecords(
  store: InventoryRecordStore,
  tenantId: string,
  owner: RecordOwner,
  query: RecordListQuery,
): Promise<RecordPage> {
  const start = (query.page - 1) * query.pageSize;
  if (query.idOrder && query.page * query.pageSize <= MAX_KEYED_READ) {
    const read = await store.readRecordPage(tenantId, owner, {
      descending: query.idOrder === 'descending',
      limit: query.page * query.pageSize,
    });
    if (read.count !== undefined) {
      if (owner.variantId === null ? !read.product : !read.variant) requireOwners(await store.readOwners(tenantId, owner), owner);
      return pageOf(query, read.records.slice(start, start + query.pageSize), read.count);
    }
  }
  const found = await store.listInventoryRecords(tenantId, owner);
  if (owner.variantId === null ? !found.product : !found.variant) requireOwners(await store.readOwners(tenantId, owner), owner);
  const matching = found.records.filter((view) => query.matches(view.record)).sort((a, b) => query.compare(a.record, b.record));
  return pageOf(query, matching.slice(start, start + query.pageSize), matching.length);
}

function pageOf(query: RecordListQuery, items: InventoryRecordView[], totalCount: number): RecordPage {
  const start = (query.page - 1) * query.pageSize;
  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    totalCount,
    totalPages: Math.ceil(totalCount / query.pageSize),
    itemRange: [start + 1, start + items.length],
  };
}
