import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { OPENAPI_FILE } from '#scripts/openapi/document';

type Operation = { responses: Record<string, { content?: { 'application/json': { schema: object } } }> };
type Document = { paths: Record<string, Record<string, Operation>> };

let document: Document | undefined;
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction>();

/** The committed OpenAPI document. */
export function openApiDocument(): Document {
  document ??= JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Document;
  return document;
}

/**
 * Checks a real response against the committed document: the status must be
 * documented for the route and the body must match its schema.
 */
export function assertMatchesContract(routeKey: string, status: number, body: unknown): void {
  const [method, path] = routeKey.split(' ') as [string, string];
  const operation = openApiDocument().paths[path]?.[method.toLowerCase()];
  // A route not yet in the document is caught by test/openapi.test.ts, which requires every route.
  if (!operation) return;
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`docs/openapi.json does not document ${status} for ${routeKey}: ${JSON.stringify(body)}`);
  if (!response.content) {
    if (body !== undefined) throw new Error(`docs/openapi.json documents no body for ${status} on ${routeKey}: ${JSON.stringify(body)}`);
    return;
  }
  const content = response.content;
  const id = `${routeKey} ${status}`;
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.compile(content['application/json'].schema);
    validators.set(id, validate);
  }
  if (!validate(body)) {
    throw new Error(`${id} does not match docs/openapi.json: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  }
}

export function compileSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}
