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

/** The entity-type attribute value of every kind of item: the one place each is spelled. */
export const ENTITY = {
  Tenant: 'Tenant',
  MerchantApiKey: 'MerchantApiKey',
  Location: 'Location',
  Vendor: 'Vendor',
  Product: 'Product',
  Variant: 'Variant',
  SkuGuard: 'SkuGuard',
  StockRecord: 'StockRecord',
  InventoryItem: 'InventoryItem',
  LocationLevel: 'LocationLevel',
  IdempotencyRecord: 'IdempotencyRecord',
  VariantInventoryLink: 'VariantInventoryLink',
  InventoryRecord: 'InventoryRecord',
  StripeSyncTask: 'StripeSyncTask',
} as const;
export type EntityType = (typeof ENTITY)[keyof typeof ENTITY];

/** CreateTable input for DynamoDB Local and for any account without CDK. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE.partitionKey, AttributeType: 'S' },
      { AttributeName: TABLE.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE.streamView },
  };
}
