/**
 * `npm run restore -- --api <ApiUrl> --token <admin token> --file <backup>`: imports a backup's
 * pages into the token's tenant through PUT /admin/catalog, resuming where an interrupted run stopped.
 */
import { readBackupFile } from '#scripts/backup/pages';
import { restoreThroughApi } from '#scripts/backup/restorePages';
import { exitWithUsage, parseCommandLine } from '#scripts/cli';
import { DEFAULT_TENANT_CLAIM } from '#shared/config';

const USAGE = `usage: npm run restore -- --api <ApiUrl> --token <admin token> --file <backup> [--tenant <id>] [--checkpoint <file>]

Imports a file written by npm run backup into the token's tenant through PUT /admin/catalog,
page after page, in requests within the import's limits, with a progress bar on stderr.
Into a tenant without settings the tenant comes back exactly (its items as the backup holds
them, the tenant ID changed); into a tenant that holds data each page is upserted as any
import is. A checkpoint file beside the backup names the next request: run the same command
again after an interruption and it resumes there, writing nothing twice. Exits 1 when the
file is not a backup, the API refuses the import or an entry, 2 on wrong arguments.

Options:
  --api <url>          the API's base URL (npm start prints it)
  --token <jwt>        a token with the admin permission (inventory/admin) of the target tenant
  --file <backup>      the file npm run backup wrote
  --tenant <id>        the target tenant (default: the token's ${DEFAULT_TENANT_CLAIM} claim)
  --checkpoint <file>  where the progress is kept (default <backup>.checkpoint)
  -h, --help           print this help`;

try {
  const { values } = parseCommandLine(USAGE, {
    options: {
      api: { type: 'string' },
      token: { type: 'string' },
      file: { type: 'string' },
      tenant: { type: 'string' },
      checkpoint: { type: 'string' },
    },
  });
  if (values.api === undefined || values.token === undefined || values.file === undefined)
    exitWithUsage(USAGE, '--api, --token and --file are required');
  const tenantId = values.tenant ?? tenantOf(values.token);
  if (tenantId === undefined) exitWithUsage(USAGE, `the token has no ${DEFAULT_TENANT_CLAIM} claim: give --tenant`);
  const pages = readBackupFile(values.file);
  const { summary, refused, resumedAt } = await restoreThroughApi(pages, {
    apiUrl: values.api,
    token: values.token,
    tenantId,
    checkpoint: values.checkpoint ?? `${values.file}.checkpoint`,
  });
  if (resumedAt) console.log(`Resumed at page ${resumedAt.page + 1}, request ${resumedAt.chunk + 1}.`);
  console.log(
    `Restored: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.refused} refused.`,
  );
  for (const result of refused) console.log(`  refused ${result.path} (${result.entity} ${result.id}): ${result.reason}`);
  process.exit(summary.refused > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/** The tenant a JWT names (read, not verified: the API verifies it). */
function tenantOf(token: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const tenant = claims[DEFAULT_TENANT_CLAIM];
    return typeof tenant === 'string' ? tenant : undefined;
  } catch {
    return undefined;
  }
}
