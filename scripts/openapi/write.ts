/** `npm run openapi`: regenerates docs/openapi.json from the routes' contracts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCommandLine } from '#scripts/cli';
import { buildOpenApiDocument, OPENAPI_FILE, serialize } from '#scripts/openapi/document';

parseCommandLine(
  `usage: npm run openapi

Regenerates ${OPENAPI_FILE} from the routes' contracts (their zod schemas, summaries and
examples). Run it after changing a contract and commit the result: a test checks the
committed file is up to date.

Options:
  -h, --help   print this help`,
  {},
);

mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
writeFileSync(OPENAPI_FILE, serialize(await buildOpenApiDocument()));
console.log(`wrote ${OPENAPI_FILE}`);
