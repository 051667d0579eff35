import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table, defined once. The CDK stack, the test harness and the local
 * server all build their table from this description.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items that expire (idempotency records) carry epoch seconds here. */
  timeToLiveAttribute: 'expiresAt',
  /** DynamoDB Streams view used by the outbox consumers. */
  streamView: 'NEW_AND_OLD_IMAGES',
  /** The attribute naming each item's entity (one of ENTITY). */
  typeAttribute: 'type',
} as const;

/** A global secondary index: string key attributes, all attributes projected. */
export interface TableIndex {
  name: string;
  partitionKey: string;
  sortKey: string;
}

/**
 * The table's secondary indexes, each named for the reads it serves. An item appears in
 * an index only while it carries that index's key attributes (sparse indexes).
 */
export const STOCK_INDEXES = {
  /** Every stock record of a tenant, in product, SKU and warehouse order: the record list, whole or by product (and SKU). */
  byProduct: { name: 'stockByProduct', partitionKey: 'stockByProductPk', sortKey: 'stockByProductSk' },
  /** The stock records of one warehouse, in product and SKU order: the record list by warehouse. */
  byWarehouse: { name: 'stockByWarehouse', partitionKey: 'stockByWarehousePk', sortKey: 'stockByWarehouseSk' },
  /** Sparse: a record carries these keys only while availableQty <= reorderLevel. The low-stock report. */
  lowStock: { name: 'lowStock', partitionKey: 'lowStockPk', sortKey: 'lowStockSk' },
} as const satisfies Record<string, TableIndex>;

/**
 * DayZero's variant list: sparse indexes that only DayZero variants carry keys for (see
 * indexKeys.variantList). The partition is the list's scope (the business's variants, or one
 * product's; active or archived), the sort key its order (created_at or name, then the ID),
 * so every scope and order is one Query, with no filter.
 */
export const VARIANT_LIST_INDEXES = {
  byCreated: { name: 'variantsByCreated', partitionKey: 'variantsPk', sortKey: 'variantsCreatedSk' },
  byName: { name: 'variantsByName', partitionKey: 'variantsPk', sortKey: 'variantsNameSk' },
  productByCreated: { name: 'productVariantsByCreated', partitionKey: 'productVariantsPk', sortKey: 'variantsCreatedSk' },
  productByName: { name: 'productVariantsByName', partitionKey: 'productVariantsPk', sortKey: 'variantsNameSk' },
} as const satisfies Record<string, TableIndex>;

export const INDEXES: readonly TableIndex[] = [
  STOCK_INDEXES.byProduct,
  STOCK_INDEXES.byWarehouse,
  STOCK_INDEXES.lowStock,
  /** A tenant's catalog roots (locations, vendors, products, inventory items), paged through by the catalog export. */
  { name: 'catalog', partitionKey: 'catalogPk', sortKey: 'catalogSk' },
  /** DayZero's GET of a variant by ID: the variant and its stock record in one Query (see indexKeys.variantById). */
  { name: 'variantById', partitionKey: 'variantByIdPk', sortKey: 'variantByIdSk' },
  VARIANT_LIST_INDEXES.byCreated,
  VARIANT_LIST_INDEXES.byName,
  VARIANT_LIST_INDEXES.productByCreated,
  VARIANT_LIST_INDEXES.productByName,
];
export const VARIANT_BY_ID = 'variantById';

/** The entity-type attribute value of every kind of item: the one place each is spelled. */
export const ENTITY = {
  Tenant: 'Tenant',
  MerchantApiKey: 'MerchantApiKey',
  Location: 'Location',
  Vendor: 'Vendor',
  Product: 'Product',
  Variant: 'Variant',
  SkuGuard: 'SkuGuard',
  VariantIdGuard: 'VariantIdGuard',
  /** Holds an inventory item's SKU for it alone in its tenant (see shared/store/itemSkus). */
  ItemSkuGuard: 'ItemSkuGuard',
  /** One of a tenant's counts of its inventory items (see shared/store/itemCounts). */
  ItemCount: 'ItemCount',
  StockRecord: 'StockRecord',
  InventoryItem: 'InventoryItem',
  LocationLevel: 'LocationLevel',
  IdempotencyRecord: 'IdempotencyRecord',
  VariantInventoryLink: 'VariantInventoryLink',
  /** A link's copy in its inventory item's partition (see shared/store/linkCopies). */
  ItemLinkCopy: 'ItemLinkCopy',
  InventoryRecord: 'InventoryRecord',
  StripeSyncTask: 'StripeSyncTask',
  StockGuard: 'StockGuard',
  StockMovement: 'StockMovement',
  LowStockEvent: 'LowStockEvent',
  InventoryRecordId: 'InventoryRecordId',
  /** How many OrderCloud records one variant or product holds (see shared/store/recordCounts). */
  InventoryRecordCount: 'InventoryRecordCount',
  StockAdjustment: 'StockAdjustment',
  StripeChangeTask: 'StripeChangeTask',
  Reservation: 'Reservation',
  /** A reservation's copy in its item's, location's or line item's partition (see reservationKeys.copy). */
  ReservationCopy: 'ReservationCopy',
  /** A migration's position in one scan segment (outside every tenant; see shared/store/migration). */
  MigrationCheckpoint: 'MigrationCheckpoint',
  /** Beside a tenant's settings: the export a restore into it is writing (see shared/store/catalogRestore). */
  RestoreMarker: 'RestoreMarker',
} as const;
export type EntityType = (typeof ENTITY)[keyof typeof ENTITY];

/** CreateTable input for DynamoDB Local and for any account without CDK. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      ...new Set([TABLE.partitionKey, TABLE.sortKey, ...INDEXES.flatMap((index) => [index.partitionKey, index.sortKey])]),
    ].map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    ...(INDEXES.length > 0
      ? {
          GlobalSecondaryIndexes: INDEXES.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        }
      : {}),
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE.streamView },
  };
}
