/**
 * `npm start`: DynamoDB Local, the table, the demo tenant, every route through its
 * real handler on PORT (default 3000), and the dev tokens plus one curl per route. Each
 * request then prints the same structured log line it prints in Lambda.
 */
import { DEMO_TENANT_ID } from '#functions/commons/demo';
import { parseCommandLine } from '#scripts/cli';
import { curlCommand, demoFixtures, loadDemos } from '#scripts/demo/index';
import {
  DEV_ADMIN_SCOPE,
  DEV_ISSUER_FILE,
  DEV_SCOPE,
  handlerEnvironment,
  loadOrCreateDevIssuer,
  mintToken,
} from '#scripts/local/devIssuer';
import { ensureTable, startDynamoDb } from '#scripts/local/dynamodbLocal';
import { createDocumentClient } from '#shared/store/client';
import { loadFixtures } from '#shared/store/fixtures';
import { keys } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { pollStream } from '#scripts/local/streamPoller';

const USAGE = `usage: npm start

Starts DynamoDB Local, creates the table and the demo tenant (${DEMO_TENANT_ID}), serves every
route through its real Lambda handler, and prints the dev tokens (export TOKEN=...) and one
curl per route. The API reference is served at /docs. Created variants are synced to Stripe
(or a local stand-in) and InventoryLowStock events are logged, as in AWS. The tokens are
signed with the dev key kept in .local/dev-issuer.json, as are those of npm run token.
Ctrl-C stops it all.

Environment:
  PORT                 port of the local API (default 3000; 0 picks a free one)
  DYNAMODB_ENDPOINT    use this DynamoDB instead of starting DynamoDB Local
  DYNAMODB_LOCAL_PORT  port DynamoDB Local listens on (default 8000)
  TABLE_NAME           table to create and serve (default inventory-local)
  STRIPE_SECRET_KEY    sync to Stripe with this key (default: a local Stripe stand-in)
  POWERTOOLS_DEV       "true" indents the functions' log lines, "false" keeps one JSON line
                       each (default: true on a terminal)

Options:
  -h, --help           print this help`;

parseCommandLine(USAGE, {});

const TABLE_NAME = process.env.TABLE_NAME ?? 'inventory-local';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const dynamoPort = Number(process.env.DYNAMODB_LOCAL_PORT ?? 8000);
  const dynamo = await startDynamoDb({ port: dynamoPort });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    await ensureTable(dynamo.endpoint, TABLE_NAME);
    const issuer = loadOrCreateDevIssuer(DEV_ISSUER_FILE);
    // Handlers read their configuration when imported: set it first (the fixtures' merchant keys
    // are digested with its sealing key, as the handlers will check them).
    Object.assign(process.env, handlerEnvironment(issuer, { tableName: TABLE_NAME, endpoint: dynamo.endpoint }));
    const demos = await loadDemos();
    await loadFixtures(createDocumentClient({ endpoint: dynamo.endpoint }), TABLE_NAME, demoFixtures(demos));
    // The functions' own structured lines, as in Lambda: one JSON line each, or indented
    // for a person reading a terminal (Powertools' dev mode), unless POWERTOOLS_DEV says otherwise.
    if (!process.env.POWERTOOLS_DEV) process.env.POWERTOOLS_DEV = process.stdout.isTTY ? 'true' : 'false';
    const { createLocalApi, listen } = await import('#scripts/local/server');
    const baseUrl = await listen(await createLocalApi(), port);
    const stripeLine = await startStripeSync(dynamo.endpoint);
    const eventsLine = await startLowStockEvents(dynamo.endpoint);

    const lines = [
      `inventory-api local server: ${baseUrl}`,
      `DynamoDB: ${dynamo.endpoint} (table ${TABLE_NAME})`,
      `API reference: ${baseUrl}/docs (OpenAPI document: ${baseUrl}/openapi.json)`,
      stripeLine,
      eventsLine,
      '',
      `Dev tokens for tenant ${DEMO_TENANT_ID} (12 h; more with: npm run --silent token -- --tenant ${DEMO_TENANT_ID} [--scope <scopes>]).`,
      'Run these lines in the shell you paste the curls into:',
      ...DEMO_TOKENS.map(
        ({ variable, scope }) =>
          `export ${variable}=${mintToken(issuer, { tenantId: DEMO_TENANT_ID, scope, expiresInSeconds: 12 * 3600 })}`,
      ),
      '',
      ...demos.flatMap(({ route, demo }) => [
        `# ${route.method} ${route.paths.join(' , ')}: ${demo.example.note}`,
        curlCommand(baseUrl, tokenVariable(demo.example.scope ?? DEV_SCOPE), route.method, demo.example),
        '',
      ]),
      'Ctrl-C stops the server and DynamoDB Local.',
    ];
    console.log(lines.join('\n'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

/** The shell variables the printed curls take their token from: a writer's, and the admin's for the admin routes. */
const DEMO_TOKENS = [
  { variable: 'TOKEN', scope: DEV_SCOPE },
  { variable: 'ADMIN_TOKEN', scope: DEV_ADMIN_SCOPE },
];

function tokenVariable(scope: string): string {
  const token = DEMO_TOKENS.find((candidate) => candidate.scope === scope);
  if (!token) throw new Error(`No dev token has the scope "${scope}": add one to DEMO_TOKENS in scripts/dev-server.ts`);
  return token.variable;
}

/**
 * The Stripe sync as deployed, fed by the table's stream. Without a real STRIPE_SECRET_KEY
 * it talks to a local stand-in for Stripe, so created variants get Stripe IDs here too.
 */
async function startStripeSync(endpoint: string): Promise<string> {
  let where = 'Stripe (STRIPE_SECRET_KEY)';
  if (!process.env.STRIPE_SECRET_KEY) {
    const { startFakeStripe } = await import('#scripts/local/fakeStripe');
    const stripe = await startFakeStripe();
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: 'sk_test_local',
      STRIPE_API_HOST: stripe.url.host,
      STRIPE_API_PORT: String(stripe.url.port),
      STRIPE_API_PROTOCOL: 'http',
    });
    where = `a local Stripe stand-in on http://${stripe.url.host}:${stripe.url.port}`;
  }
  const { handler } = await import('#functions/syncStripe/handler');
  const db = createDocumentClient({ endpoint });
  pollStream({
    endpoint,
    tableName: TABLE_NAME,
    handler: async (event) => {
      const result = await handler(event);
      const failed = new Set(result.batchItemFailures.map((failure) => failure.itemIdentifier));
      for (const record of event.Records) {
        const task = record.dynamodb?.NewImage;
        if (task?.type?.S !== ENTITY.StripeSyncTask || failed.has(record.dynamodb?.SequenceNumber ?? '')) continue;
        const { Item } = await db.send(
          new GetCommand({ TableName: TABLE_NAME, Key: keys.variant(task.tenantId!.S!, task.productId!.S!, task.variantId!.S!) }),
        );
        console.log(
          `stripe sync: variant ${task.variantId!.S} -> stripe_product_id ${Item?.stripeProductId}, stripe_price_id ${Item?.stripePriceId}`,
        );
      }
      return result;
    },
  });
  return `Stripe sync: variants of the demo business are synced to ${where} a second after they are created (logged here).`;
}

/** The InventoryLowStock publisher as deployed, fed by the table's stream; locally its events are logged here instead of sent to EventBridge. */
async function startLowStockEvents(endpoint: string): Promise<string> {
  const { lowStockConsumer } = await import('#functions/publishLowStock/consumer');
  const { lowStockOutbox } = await import('#shared/store/lowStockEvents');
  const consume = lowStockConsumer(lowStockOutbox(createDocumentClient({ endpoint }), TABLE_NAME), {
    publish: async (event) => console.log(`InventoryLowStock: ${JSON.stringify(event)}`),
  });
  pollStream({ endpoint, tableName: TABLE_NAME, handler: consume });
  return 'InventoryLowStock events (a movement taking a record to or below its reorder level) are logged here a second later, as EventBridge would receive them.';
}

await main();
