/**
 * `npm run backup -- --api <ApiUrl> --token <admin token> [--out <file>]`: every page of the
 * token's tenant's export (GET /admin/catalog), one per line, into a file that `npm run restore` takes.
 */
import { backupFromTable, backupThroughApi, MAX_PAGE_LIMIT, PAGE_LIMIT } from '#scripts/backup/exportPages';
import { exitWithUsage, parseCommandLine } from '#scripts/cli';

const USAGE = `usage: npm run backup -- --api <ApiUrl> --token <admin token> [--out <file>] [--limit <n>]
       npm run backup -- --tenant <id> [--out <file>] [--limit <n>]     (TABLE_NAME set)

Exports everything the token's tenant holds through GET /admin/catalog, page after page,
into a file of one page per line (JSON Lines), with a running count on stderr. The pages
hold the tenant's stored items exactly (merchant keys as their digests), so npm run restore
gives the tenant back in an empty tenant. With --tenant instead of --api and --token, the
pages are read straight from the table TABLE_NAME (DYNAMODB_ENDPOINT, default the AWS account
of the shell's credentials), e.g. a table restored to a point in time that no API serves.
Exits 1 when the export fails, 2 on wrong arguments.

Options:
  --api <url>      the API's base URL (npm start prints it)
  --token <jwt>    a token with the admin permission (inventory/admin) of the tenant to back up
  --tenant <id>    read this tenant from the table TABLE_NAME instead of an API
  --out <file>     the file to write (default backup-<UTC time>.jsonl)
  --limit <n>      vendors, products and inventory items per page (default ${PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT})
  -h, --help       print this help

Example:
  npm run backup -- --api http://127.0.0.1:3000 --token "$ADMIN_TOKEN" --out shop.jsonl`;

try {
  const { values } = parseCommandLine(USAGE, {
    options: {
      api: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      limit: { type: 'string' },
      tenant: { type: 'string' },
    },
  });
  const fromTable = values.tenant !== undefined;
  if (fromTable && (values.api !== undefined || values.token !== undefined))
    exitWithUsage(USAGE, '--tenant reads a table: no --api or --token');
  if (fromTable && !process.env.TABLE_NAME) exitWithUsage(USAGE, 'TABLE_NAME is required with --tenant');
  if (!fromTable && (values.api === undefined || values.token === undefined)) exitWithUsage(USAGE, '--api and --token are required');
  const limit = Number(values.limit ?? PAGE_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT)
    exitWithUsage(USAGE, `--limit is a whole number from 1 to ${MAX_PAGE_LIMIT}`);
  const file = values.out ?? `backup-${new Date().toISOString().replaceAll(/[:.]/g, '-')}.jsonl`;
  const { pages, items } = fromTable
    ? await backupFromTable({ tenantId: values.tenant!, file, limit })
    : await backupThroughApi({ apiUrl: values.api!, token: values.token!, file, limit });
  console.log(`Backed up ${items} stored items in ${pages} page(s) to ${file}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
