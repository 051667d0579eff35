/**
 * `npm run seed -- <fixtures.json>`: validates a fixtures file and writes it to the
 * table used by `npm start` (DYNAMODB_ENDPOINT, default http://127.0.0.1:8000;
 * TABLE_NAME, default inventory-local).
 */
import { readFileSync } from 'node:fs';
import { createDocumentClient } from '#shared/store/client';
import { fixtureItems, parseFixtures } from '#shared/store/fixtures';
import { putMany } from '#shared/store/batch';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run seed -- <fixtures.json>');
  process.exit(2);
}
const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_LOCAL_PORT ?? 8000}`;
const tableName = process.env.TABLE_NAME ?? 'inventory-local';

try {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const fixtures = parseFixtures(raw);
  const items = fixtureItems(fixtures);
  try {
    await putMany(createDocumentClient({ endpoint }), tableName, items);
  } catch (error) {
    throw new Error(`Cannot write to table ${tableName} at ${endpoint} (is npm start running?): ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`Loaded ${items.length} items for ${fixtures.tenants.length} tenant(s) into ${tableName} at ${endpoint}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
