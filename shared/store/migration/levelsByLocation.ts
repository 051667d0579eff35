import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { catalogEntry } from '#shared/store/catalogIndexKeys';
import { documentClient, tableName } from '#shared/store/client';
import { LEVELS_BY_LOCATION_STEP } from '#shared/store/itemsAtLocation';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ENTITY, TABLE } from '#shared/store/table';

/**
 * Every Medusa view of a level stored before it was found by its location gets the keys that find
 * it (see shared/store/itemsAtLocation): they derive from the view's key alone (tenant, item,
 * location), which no write changes, so the update only needs the view to still be there (a view
 * removed meanwhile is not brought back). Run again, it finds every view with its keys.
 */
export const levelsByLocation: MigrationStep = {
  name: LEVELS_BY_LOCATION_STEP,
  types: [ENTITY.LocationLevel],
  async migrate(item): Promise<Outcome> {
    const tenantId = String(item.tenantId);
    const wanted = catalogEntry.levelAt(tenantId, String(item.locationId), String(item.inventoryItemId));
    if (item.catalogPk === wanted.catalogPk && item.catalogSk === wanted.catalogSk) return 'already';
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { [TABLE.partitionKey]: item[TABLE.partitionKey], [TABLE.sortKey]: item[TABLE.sortKey] },
          UpdateExpression: 'SET catalogPk = :pk, catalogSk = :sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':pk': wanted.catalogPk, ':sk': wanted.catalogSk },
        }),
      );
      return 'migrated';
    } catch (error) {
      // Removed since the scan read it: nothing to find.
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 'already';
      throw error;
    }
  },
};
