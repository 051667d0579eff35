/** The shapes of a restore (see catalogRestore): an export's identity, its stored items, and the storage that writes them. */

/** The export a document comes from: its tenant and the run of pages it belongs to. */
export interface RestoreSource {
  sourceTenantId: string;
  exportId: string;
}

/** Stored items as DynamoDB holds them (key, type and attributes), grouped by what they belong to. */
export interface StoredGroup {
  of: string;
  items: Record<string, unknown>[];
}

/** One stored item with where it is in the request, e.g. tenants[0].stored[3].items[1]. */
export interface PlannedItem {
  path: string;
  item: Record<string, unknown>;
}

/** A stored item's result, as the import reports every entry. */
export interface RestoredItem {
  path: string;
  entity: 'stored';
  id: string;
  result: 'created' | 'updated' | 'unchanged' | 'refused';
  reason?: string;
}

/** The storage a restore needs. */
export interface CatalogRestoreStore {
  /**
   * Starts a restore from `source` into a tenant without settings, or finds one under way from it:
   * true when the tenant takes this export's items. Held by the writes too: each write of a stored
   * item is conditional on the restore being this export's.
   */
  claim(tenantId: string, source: RestoreSource, now: string): Promise<boolean>;
  /**
   * Writes the groups' items, each only where no item has its key (an item already stored as
   * given counts as unchanged, one stored otherwise is refused). A group with an item that may not
   * be written (too large, outside the tenant, of a kind a restore does not write) is refused whole
   * before anything is written.
   */
  write(tenantId: string, source: RestoreSource, groups: { path: string; items: PlannedItem[] }[]): Promise<RestoredItem[]>;
}
