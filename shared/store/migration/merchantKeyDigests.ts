import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { KEYED_DIGEST, LEGACY_DIGEST } from '#shared/store/merchantKeyDigest';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ENTITY } from '#shared/store/table';
import { isConditionFailure } from '#shared/store/transactions';

/**
 * Merchant keys stored before digests were keyed hold SHA-256 of the key, which only the key
 * itself can turn into its keyed digest: the ShopSynch key check does it on the key's first use
 * (see merchantApiKeyCheck.ts). This step cannot; it counts those left and marks each
 * (`digest = sha256`), so that they can be found (a Scan on `digest`) and revoked if they are
 * not to wait for their use. Its `migrated` count is the keys it marked; `already` the keys
 * stored under their keyed digest (or marked before). A marked key keeps working, by its SHA-256,
 * until its first use re-stores it, or until it is revoked.
 */
export const merchantKeyDigests: MigrationStep = {
  name: 'merchant-keys-1-legacy-digests',
  types: [ENTITY.MerchantApiKey],
  async migrate(item): Promise<Outcome> {
    if (item.digest === KEYED_DIGEST || item.digest === LEGACY_DIGEST) return 'already';
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET #digest = :legacy',
          // Only the item as it was read: gone (re-stored by its first use meanwhile) is done.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#digest) AND keyHash = :hash',
          ExpressionAttributeNames: { '#digest': 'digest' },
          ExpressionAttributeValues: { ':legacy': LEGACY_DIGEST, ':hash': item.keyHash },
        }),
      );
      return 'migrated';
    } catch (error) {
      if (isConditionFailure(error)) return 'already';
      throw error;
    }
  },
};
