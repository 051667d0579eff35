import type { Attach, Attachment } from '#shared/domain/attachment';
import type { Tenant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { NotFoundError } from '#shared/domain/errors';

/** A business's settings: what the vendor routes read from the tenant besides its catalog. */
export interface BusinessSettings {
  name: string;
  currency: string;
  defaultLocationId: string | null;
  stripe: { accountId: string | null; syncRequired: boolean };
}

/** A change: fields left out stay as they are; null clears an optional one. */
export interface SettingsPatch {
  name?: string | undefined;
  currency?: string | undefined;
  defaultLocationId?: string | null | undefined;
  stripe?: { accountId?: string | null | undefined; syncRequired?: boolean | undefined } | undefined;
}

export interface SettingsStore {
  /** The tenant as stored, with the revision a write must still find. */
  read(tenantId: string): Promise<{ tenant: Tenant; revision: number } | undefined>;
  /** Writes the settings if the tenant is still at `revision` (else ConcurrentChangeError) and the default location exists (else NotFoundError). */
  write(tenantId: string, settings: BusinessSettings, revision: number, attachment?: Attachment): Promise<void>;
}

export const settingsOf = (tenant: Tenant): BusinessSettings => ({
  name: tenant.name,
  currency: tenant.currency,
  defaultLocationId: tenant.defaultLocationId ?? null,
  stripe: { accountId: tenant.stripe?.accountId ?? null, syncRequired: tenant.stripe?.syncRequired ?? false },
});

const notFound = (tenantId: string) => new NotFoundError('Tenant', tenantId);

export async function readSettings(store: SettingsStore, tenantId: string): Promise<BusinessSettings> {
  const stored = await store.read(tenantId);
  if (!stored) throw notFound(tenantId);
  return settingsOf(stored.tenant);
}

/** How long a settings change keeps retrying against concurrent ones before it answers 503. */
export const SETTINGS_DEADLINE_MS = 10_000;

/** Applies the change to what is stored; a concurrent change is read again, never overwritten. */
export async function updateSettings(
  store: SettingsStore,
  tenantId: string,
  patch: SettingsPatch,
  attach?: Attach<BusinessSettings>,
): Promise<BusinessSettings> {
  // Many writers on the one tenant item each lose races to the others: each reads again and
  // retries until the deadline, then answers 503 with Retry-After (never a 500). A write that
  // answered 2xx was applied at its own revision, so none is lost.
  return retryOnConcurrentChange(
    async () => {
      const stored = await store.read(tenantId);
      if (!stored) throw notFound(tenantId);
      const current = settingsOf(stored.tenant);
      const next: BusinessSettings = {
        name: patch.name ?? current.name,
        currency: patch.currency ?? current.currency,
        defaultLocationId: patch.defaultLocationId === undefined ? current.defaultLocationId : patch.defaultLocationId,
        stripe: {
          accountId: patch.stripe?.accountId === undefined ? current.stripe.accountId : patch.stripe.accountId,
          syncRequired: patch.stripe?.syncRequired ?? current.stripe.syncRequired,
        },
      };
      await store.write(tenantId, next, stored.revision, attach?.(next));
      return next;
    },
    { deadline: Date.now() + SETTINGS_DEADLINE_MS },
  );
}
