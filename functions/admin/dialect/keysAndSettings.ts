import * as z from 'zod/mini';
import { identity } from '#functions/commons/identity';
import { IDENTITY_PROBLEMS } from '#shared/domain/identity';
import { MERCHANT_API_KEY_ID, type CreatedMerchantApiKey, type MerchantApiKeyView } from '#shared/domain/merchantApiKey';
import type { BusinessSettings, SettingsPatch } from '#shared/domain/settings';
import { CURRENCY } from '#shared/fixtures/rules';

/** How a key is shown after its creation: its ID and last four characters, never the key. */
export const MerchantApiKeyResponse = z.object({
  id: z.string(),
  maskedKey: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
});

export const maskedKey = (view: MerchantApiKeyView) => `mk_live_…${view.last4 ?? '****'}`;

export const merchantApiKeyResponse = (view: MerchantApiKeyView): z.output<typeof MerchantApiKeyResponse> => ({
  id: view.id,
  maskedKey: maskedKey(view),
  active: view.active,
  createdAt: view.createdAt,
  lastUsedAt: view.lastUsedAt,
  revokedAt: view.revokedAt,
});

/** The one answer that holds the key itself. */
export const CreatedMerchantApiKeyResponse = z.object({ ...MerchantApiKeyResponse.shape, key: z.string() });
export const createdMerchantApiKeyResponse = ({ key, view }: CreatedMerchantApiKey) => ({ ...merchantApiKeyResponse(view), key });

/**
 * A replay of a create with its Idempotency-Key: the key was issued by the first request, and its
 * secret is never stored, so it is not shown again. The ID and masked form are the key's as
 * created: a replay after a revocation reveals nothing the first answer did not.
 */
export const IssuedMerchantApiKeyResponse = z.object({
  id: z.string(),
  maskedKey: z.string(),
  createdAt: z.string(),
  key: z.null(),
  detail: z.string(),
});
export const ALREADY_ISSUED =
  'This key was issued by the first request with this Idempotency-Key; its secret was shown only in that answer. If it was lost, revoke this key and create another.';
export const issuedMerchantApiKeyResponse = ({ view }: CreatedMerchantApiKey): z.output<typeof IssuedMerchantApiKeyResponse> => ({
  id: view.id,
  maskedKey: maskedKey(view),
  createdAt: view.createdAt,
  key: null,
  detail: ALREADY_ISSUED,
});

export const LIST_LIMIT = { default: 50, max: 100 } as const;

export const ListQuery = z.object({
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  limit: z._default(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/, 'must be a whole number')),
      z.pipe(
        z.transform((value: string) => Number(value)),
        z.int().check(z.minimum(1), z.maximum(LIST_LIMIT.max)),
      ),
    ),
    LIST_LIMIT.default,
  ),
});

export const MerchantApiKeyListResponse = z.object({ items: z.array(MerchantApiKeyResponse), nextCursor: z.nullable(z.string()) });

export const KeyPath = z.object({
  id: z.string().check(z.regex(MERCHANT_API_KEY_ID, 'must be a key ID: 16 lower-case hexadecimal characters')),
});

export const SettingsResponse = z.object({
  name: z.string(),
  currency: z.string(),
  defaultLocationId: z.nullable(z.string()),
  stripe: z.object({ accountId: z.nullable(z.string()), syncRequired: z.boolean() }),
});
export const SETTINGS_EXAMPLE = {
  name: 'Demo Commerce Ltd',
  currency: 'usd',
  defaultLocationId: 'wh_main',
  stripe: { accountId: 'acct_1Nv0FG', syncRequired: false },
};

export const settingsResponse = (settings: BusinessSettings): z.output<typeof SettingsResponse> => settings;

const locationId = identity(z.string().check(z.minLength(1), z.maxLength(200)), (problem) => IDENTITY_PROBLEMS[problem]);

/** A merge patch: fields left out stay as they are; null clears the default location or the Stripe account. */
export const SettingsPatchRequest = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(1_000))),
  currency: z.optional(CURRENCY),
  defaultLocationId: z.optional(z.nullable(locationId)),
  stripe: z.optional(
    z.strictObject({
      accountId: z.optional(z.nullable(z.string().check(z.regex(/^acct_\w+$/, 'a Stripe account ID such as "acct_1Nv0FG"')))),
      syncRequired: z.optional(z.boolean()),
    }),
  ),
});

export const toSettingsPatch = (body: z.output<typeof SettingsPatchRequest>): SettingsPatch => body;
