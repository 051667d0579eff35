import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError, ConcurrentChangeError } from '#shared/domain/errors';
import type { SettingsStore } from '#shared/domain/settings';
import { documentClient, tableName } from '#shared/store/client';
import { TenantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { commit, type NamedWrite } from '#shared/store/transactions';

/** The tenant item's revision, shared with the catalog import's writes (absent until one of them writes). */
const REVISION = 'rev';

export const settingsStore: SettingsStore = {
  async read(tenantId) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.tenant(tenantId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return { tenant: fromItem(TenantItem, Item), revision: typeof Item[REVISION] === 'number' ? Item[REVISION] : 0 };
  },

  async write(tenantId, settings, revision, attachment) {
    const stripe = {
      ...(settings.stripe.accountId === null ? {} : { accountId: settings.stripe.accountId }),
      syncRequired: settings.stripe.syncRequired,
    };
    const writes: NamedWrite<'tenant' | 'location'>[] = [
      {
        name: 'tenant',
        action: {
          Update: {
            TableName: tableName(),
            Key: keys.tenant(tenantId),
            UpdateExpression: `SET #name = :name, currency = :currency, stripe = :stripe, #rev = :next${settings.defaultLocationId === null ? ' REMOVE defaultLocationId' : ', defaultLocationId = :location'}`,
            ConditionExpression: revision === 0 ? 'attribute_exists(pk) AND attribute_not_exists(#rev)' : '#rev = :revision',
            ExpressionAttributeNames: { '#name': 'name', '#rev': REVISION },
            ExpressionAttributeValues: {
              ':name': settings.name,
              ':currency': settings.currency,
              ':stripe': stripe,
              ':next': revision + 1,
              ...(revision === 0 ? {} : { ':revision': revision }),
              ...(settings.defaultLocationId === null ? {} : { ':location': settings.defaultLocationId }),
            },
          },
        },
      },
    ];
    if (settings.defaultLocationId !== null) {
      writes.push({
        name: 'location',
        action: {
          ConditionCheck: {
            TableName: tableName(),
            Key: keys.location(tenantId, settings.defaultLocationId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
      });
    }
    const refused = await commit(writes, attachment);
    if (refused === 'tenant') throw new ConcurrentChangeError('The tenant changed since it was read');
    if (refused === 'location') {
      const locationId = settings.defaultLocationId!;
      throw new BusinessRuleError('default-location-unknown', `The tenant has no location ${locationId}`, { locationId });
    }
  },
};
