/**
 * `npm run backup -- --api <ApiUrl> --token <admin token> [--out <file>]`: every page of the
 * token's tenant's export (GET /admin/catalog), one per line, into a file that `npm run restore` takes.
 */
import { backupThroughApi, PAGE_LIMIT } from '#scripts/backup/exportPages';
import { exitWithUsage, parseCommandLine } from '#scripts/cli';

const USAGE = `usage: npm run backup -- --api <ApiUrl> --token <admin token> [--out <file>] [--limit <n>]

Exports everything the token's tenant holds through GET /admin/catalog, page after page,
into a file of one page per line (JSON Lines), with a running count on stderr. The pages
hold the tenant's stored items exactly (merchant keys as their digests), so npm run restore
gives the tenant back in an empty tenant. Exits 1 when the export fails, 2 on wrong arguments.

Options:
  --api <url>      the API's base URL (npm start prints it)
  --token <jwt>    a token with the admin permission (inventory/admin) of the tenant to back up
  --out <file>     the file to write (default backup-<UTC time>.jsonl)
  --limit <n>      vendors, products and inventory items per page (default ${PAGE_LIMIT}, at most ${PAGE_LIMIT})
  -h, --help       print this help

Example:
  npm run backup -- --api http://127.0.0.1:3000 --token "$ADMIN_TOKEN" --out shop.jsonl`;

try {
  const { values } = parseCommandLine(USAGE, {
    options: { api: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' }, limit: { type: 'string' } },
  });
  if (values.api === undefined || values.token === undefined) exitWithUsage(USAGE, '--api and --token are required');
  const limit = Number(values.limit ?? PAGE_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMIT)
    exitWithUsage(USAGE, `--limit is a whole number from 1 to ${PAGE_LIMIT}`);
  const file = values.out ?? `backup-${new Date().toISOString().replaceAll(/[:.]/g, '-')}.jsonl`;
  const { pages, items } = await backupThroughApi({ apiUrl: values.api, token: values.token, file, limit });
  console.log(`Backed up ${items} stored items in ${pages} page(s) to ${file}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
