import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { keys } from '#shared/store/keys';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { VARIANT_COUNTS_STEP } from '#shared/store/migration/variantCountsDone';
import { ENTITY, TABLE } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/** Attempts at one product while variant writes keep changing its count between the read and the write. */
const ATTEMPTS = 5;

/**
 * Products stored before they counted their variants get their count (see shared/store/productCounters):
 * one consistent Query of the product's partition reads the product item (first: its sort key sorts
 * before its variants') and its variants, and the count is SET (never added: a run again finds it
 * right) only over the count read, so a variant made or removed meanwhile (whose write adds to the
 * count) makes it read again. A product that is not VARIABLE yet has variants (possible before) gets its
 * true count too, and is reported: its type cannot change to VARIABLE's opposite until they go.
 */
export const variantCounts: MigrationStep = {
  name: VARIANT_COUNTS_STEP,
  types: [ENTITY.Product],
  async migrate(item): Promise<Outcome> {
    const tenantId = String(item.tenantId);
    const productId = String(item.id);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const { product, variants } = await readPartition(tenantId, productId);
      if (!product) return 'already';
      const seen = product.variantCount;
      if (seen === variants) return 'already';
      const refused = await commit([
        {
          name: 'product',
          action: {
            Update: {
              TableName: tableName(),
              Key: keys.product(tenantId, productId),
              UpdateExpression: 'SET variantCount = :count',
              ConditionExpression:
                typeof seen === 'number' ? 'variantCount = :seen' : 'attribute_exists(pk) AND attribute_not_exists(variantCount)',
              ExpressionAttributeValues: { ':count': variants, ...(typeof seen === 'number' ? { ':seen': seen } : {}) },
            },
          },
        },
      ]);
      if (refused) continue;
      if (variants > 0 && product.productType !== 'VARIABLE')
        throw new Error(`a ${String(product.productType)} product with ${variants} variant(s): counted; delete them or make it VARIABLE`);
      return 'migrated';
    }
    throw new Error('its variants kept changing during the migration; run it again');
  },
};

/** The product item and how many variant items its partition holds, in one consistent Query (paged past 1 MB). */
async function readPartition(tenantId: string, productId: string): Promise<{ product: Item | undefined; variants: number }> {
  let product: Item | undefined;
  let variants = 0;
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: '#type IN (:product, :variant)',
        ProjectionExpression: '#type, productType, variantCount',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#type': TABLE.typeAttribute },
        ExpressionAttributeValues: { ':pk': keys.product(tenantId, productId).pk, ':product': ENTITY.Product, ':variant': ENTITY.Variant },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const found of (page.Items ?? []) as Item[]) {
      if (found[TABLE.typeAttribute] === ENTITY.Product) product = found;
      else variants += 1;
    }
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start);
  return { product, variants };
}
