import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { catalogItem } from '#shared/store/catalogItems';
import { documentClient, tableName } from '#shared/store/client';
import { keys } from '#shared/store/keys';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ENTITY } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

/**
 * Variants stored before variant IDs were guarded get their guard. A second variant under an
 * ID that another product's variant already holds (possible before) is left as it is and
 * reported: which one keeps the ID is the operator's call.
 */
export const variantIdGuards: MigrationStep = {
  name: 'one-model-2-variant-id-guards',
  types: [ENTITY.Variant],
  async migrate(item): Promise<Outcome> {
    const variant = { tenantId: String(item.tenantId), productId: String(item.productId), id: String(item.id) };
    const refused = await commit([
      {
        name: 'guard',
        action: {
          Put: {
            TableName: tableName(),
            Item: catalogItem.variantIdGuard(variant),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
    ]);
    if (refused === undefined) return 'migrated';
    // Already guarded: by this variant (a run before, or written by this version), or by another product's.
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.variantIdGuard(variant.tenantId, variant.id), ConsistentRead: true }),
    );
    if (Item?.productId === variant.productId) return 'already';
    throw new Error(`variant ID ${variant.id} is also held by a variant of product ${String(Item?.productId)}`);
  },
};
