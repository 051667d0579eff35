/** `npm run openapi`: regenerates docs/openapi.json from the routes' contracts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildOpenApiDocument, OPENAPI_FILE, serialize } from '#scripts/openapi/document';

mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
writeFileSync(OPENAPI_FILE, serialize(await buildOpenApiDocument()));
console.log(`wrote ${OPENAPI_FILE}`);
