import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StockLocationStore } from '#shared/domain/stockLocation';
import { readCatalogSection } from '#shared/store/catalogSection';
import { documentClient, tableName } from '#shared/store/client';
import { LocationItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';

/** The catalog's locations as Medusa's stock locations: the list through the `catalog` index, one by its key. */
export const stockLocationStore: StockLocationStore = {
  async listLocations(tenantId) {
    return (await readCatalogSection(tenantId, 'location')).map((item) => fromItem(LocationItem, item));
  },

  async readLocation(tenantId, locationId) {
    const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.location(tenantId, locationId) }));
    return Item ? fromItem(LocationItem, Item) : undefined;
  },
};
