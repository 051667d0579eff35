/**
 * `npm run seed -- <fixtures.json>`: validates a fixtures file and writes it to the
 * table used by `npm start` (DYNAMODB_ENDPOINT, default http://127.0.0.1:8000;
 * TABLE_NAME, default inventory-local).
 *
 * `npm run seed -- <fixtures.json> --api <ApiUrl> --token <admin token>`: imports it
 * through PUT /admin/catalog instead, in chunks, with a progress bar and a summary of
 * the per-entry results. Needs no table credentials; exits 1 if any entry is refused.
 */
import { readFileSync } from 'node:fs';
import { exitWithUsage, parseCommandLine } from '#scripts/cli';
import { importThroughApi } from '#scripts/seed/api';
import { DEV_CURSOR_KEY } from '#scripts/local/devIssuer';
import { createDocumentClient } from '#shared/store/client';
import { parseFixtures, writeFixtures } from '#shared/store/fixtures';

const USAGE = `usage: npm run seed -- <fixtures.json> [--api <ApiUrl> --token <admin token>]

Validates a fixtures file, then writes it to the table npm start serves or, with --api
and --token, imports it through PUT /admin/catalog of that API. Exits 1 when the file
is not valid or the API refuses an entry, 2 on wrong arguments.

Options:
  --api <url>      the API's base URL: import through it instead of writing the table
  --token <jwt>    a token with the admin permission (inventory/admin); required with --api
  -h, --help       print this help

Environment, without --api:
  DYNAMODB_ENDPOINT    DynamoDB to write to (default http://127.0.0.1:8000)
  DYNAMODB_LOCAL_PORT  port of that default endpoint (default 8000)
  TABLE_NAME           table to write to (default inventory-local)
  CURSOR_KEY           the sealing key merchant keys are digested with (default: npm start's)`;

try {
  const { values, positionals } = parseCommandLine(USAGE, {
    allowPositionals: true,
    options: { api: { type: 'string' }, token: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) exitWithUsage(USAGE, 'one fixtures file is required');
  if ((values.api === undefined) !== (values.token === undefined)) exitWithUsage(USAGE, '--api and --token go together');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const fixtures = parseFixtures(raw);

  if (values.api !== undefined) {
    const refused = await importThroughApi(fixtures, { apiUrl: values.api, token: values.token! });
    process.exit(refused > 0 ? 1 : 0);
  }

  const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_LOCAL_PORT ?? 8000}`;
  const tableName = process.env.TABLE_NAME ?? 'inventory-local';
  // Merchant keys are stored as digests keyed with the sealing key the functions use: npm start's, unless given.
  if (!process.env.CURSOR_SECRET_ARN) process.env.CURSOR_KEY ??= DEV_CURSOR_KEY;
  let written: number;
  try {
    // The fixtures loader's own path: every entity built by its store builder, as npm start and the tests load it.
    written = await writeFixtures(createDocumentClient({ endpoint }), tableName, fixtures);
  } catch (error) {
    throw new Error(
      `Cannot write to table ${tableName} at ${endpoint} (is npm start running?): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  console.log(`Loaded ${written} items for ${fixtures.tenants.length} tenant(s) into ${tableName} at ${endpoint}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
