import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ROUTES, type LambdaHandler, type RouteDefinition } from '#functions/routes';
import { lambdaContext, matchPath, toApiGatewayEvent } from '#scripts/local/apiGatewayEvent';
import { OPENAPI_FILE, serialize } from '#scripts/openapi/document';

interface LoadedRoute {
  definition: RouteDefinition;
  handler: LambdaHandler;
}

/** Largest body API Gateway HTTP APIs accept. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Serves every route through its real Lambda handler, as API Gateway would:
 * the request becomes a payload v2 event and the handler's result the response.
 * Handlers read their configuration on import, so set process.env first.
 */
export async function createLocalApi(routes: readonly RouteDefinition[] = ROUTES): Promise<Server> {
  const loaded: LoadedRoute[] = await Promise.all(
    routes.map(async (definition) => ({ definition, handler: (await definition.handler()).handler })),
  );
  return createServer((request, response) => {
    serve(loaded, request, response).catch((error: unknown) => {
      console.error('local API failure', error);
      if (!response.headersSent) send(response, 500, { message: 'Internal Server Error' });
    });
  });
}

/** The API reference: the generated document and a viewer installed from npm (no CDN). */
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const DOCS_FILES: Record<string, { file: string; type: string }> = {
  '/docs/swagger-ui.css': { file: join(SWAGGER_UI, 'swagger-ui.css'), type: 'text/css' },
  '/docs/swagger-ui-bundle.js': { file: join(SWAGGER_UI, 'swagger-ui-bundle.js'), type: 'text/javascript' },
};
const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>inventory-api reference</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="reference"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true });</script>
</body></html>`;

async function serveDocs(path: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (path === '/openapi.json') {
    // The committed document names port 3000; "Try it out" must call this server, on whatever PORT it listens.
    const document = JSON.parse(await readFile(resolve(OPENAPI_FILE), 'utf8')) as { servers: { url: string }[] };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(serialize({ ...document, servers: document.servers.map((server) => ({ ...server, url: origin(request) })) }));
    return true;
  }
  if (path === '/docs' || path === '/docs/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(DOCS_PAGE);
    return true;
  }
  const asset = DOCS_FILES[path];
  if (!asset) return false;
  response.writeHead(200, { 'content-type': asset.type });
  response.end(await readFile(asset.file));
  return true;
}

/** The base URL the request came in by, so that the browser's calls from /docs stay on the page's own origin. */
function origin(request: IncomingMessage): string {
  return `http://${request.headers.host ?? `${request.socket.localAddress}:${request.socket.localPort}`}`;
}

async function serve(routes: LoadedRoute[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  // API Gateway refuses a malformed percent-escape itself, before routing or running any Lambda.
  if (!hasWellFormedEscapes(url.pathname)) return send(response, 400, { message: 'Bad Request' });
  if (method === 'GET' && (await serveDocs(url.pathname, request, response))) return;
  // As API Gateway does, a literal segment wins over a path variable (`/v1/inventory/low-stock` over `/v1/inventory/{id}`).
  const candidates = routes
    .flatMap(({ definition, handler }) =>
      definition.paths.map((template) => ({ definition, handler, template, pathParameters: matchPath(template, url.pathname) })),
    )
    .filter((candidate) => candidate.pathParameters !== undefined && candidate.definition.method === method)
    .sort((a, b) => variables(a.template) - variables(b.template));
  const chosen = candidates[0];
  // API Gateway's own answer for a route it does not have.
  if (!chosen) return send(response, 404, { message: 'Not Found' });
  const { definition, handler, template, pathParameters } = chosen;
  const body = await readBody(request);
  if (body === undefined) return send(response, 413, { message: 'Request Entity Too Large' });
  const event = toApiGatewayEvent({
    method,
    path: url.pathname,
    routeKey: `${definition.method} ${template}`,
    ...(pathParameters && Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    rawQueryString: url.search.slice(1),
    headers: flattenHeaders(request),
    ...(body.length > 0 ? { body: body.toString('utf8') } : {}),
  });
  const result = await handler(event, lambdaContext(definition.name));
  response.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
  response.end(result.body ?? '');
}

const variables = (template: string) => template.split('{').length - 1;

function hasWellFormedEscapes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

/** The whole body, or undefined when it is larger than API Gateway allows. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? `http://${host}:${address.port}` : `http://${host}:${port}`);
    });
  });
}
