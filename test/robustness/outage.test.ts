import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/routes';
import { loadDemos, type LoadedDemo } from '#scripts/demo/index';
import { startDynamoDb, type RunningDynamoDb } from '#scripts/local/dynamodbLocal';
import { isErrorEnvelope } from '#test/support/envelopes';
import { EVERY_ROUTE } from '#test/support/routes';

/**
 * A real outage: the local server runs against its own DynamoDB Local (data on disk),
 * which is stopped and started again while the server keeps running.
 */
describe('DynamoDB Local stopped mid-run', EVERY_ROUTE, () => {
  const dbPath = mkdtempSync(join(tmpdir(), 'outage-db-'));
  let dynamo: RunningDynamoDb;
  let port: number;
  let server: ChildProcess;
  let output = '';
  let curls: string[] = [];
  let demos: LoadedDemo[];

  // The token lines npm start prints once, run before each curl as in the user's shell.
  let exports: string[] = [];
  const reply = (stdout: string) => {
    const lines = stdout.trim().split('\n');
    const text = lines.slice(0, -1).join('\n');
    // A 204 has no body.
    return { status: Number(lines.at(-1)!.replace('HTTP ', '')), body: (text ? JSON.parse(text) : undefined) as unknown };
  };
  const script = (curl: string) => [...exports, curl].join('\n');
  const run = (curl: string) => reply(spawnSync('sh', ['-c', script(curl)], { encoding: 'utf8' }).stdout);
  /** The same, without waiting: curls that only meet the outage need not wait for each other's retries. */
  const runAside = (curl: string) =>
    promisify(execFile)('sh', ['-c', script(curl)], { encoding: 'utf8' }).then(({ stdout }) => reply(stdout));

  beforeAll(async () => {
    demos = await loadDemos();
    dynamo = await startDynamoDb({ dbPath, ignoreEnvironment: true, shortLived: true });
    port = Number(new URL(dynamo.endpoint).port);
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-server.ts'], {
      env: { ...process.env, DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: 'outage', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('Ctrl-C stops')) (clearInterval(timer), resolve());
        if (server.exitCode !== null) (clearInterval(timer), reject(new Error(output)));
      }, 100);
    });
    exports = output.split('\n').filter((line) => line.startsWith('export '));
    curls = output
      .split('\n\n')
      .filter((block) => /^# (GET|POST|PUT|PATCH|DELETE) /.test(block))
      .map((block) => block.slice(block.indexOf('\n') + 1));
  });
  afterAll(async () => {
    server.kill('SIGINT');
    await dynamo.stop();
  });

  // Each route answers three curls, the first ones through the SDK's retries against a stopped database.
  it(
    'answers 503 in each route envelope while the database is down, then serves normally with nothing half-written',
    { timeout: 15_000 * ROUTES.length },
    async () => {
      await dynamo.stop();
      const down = await Promise.all(demos.map((_, index) => runAside(curls[index]!)));
      for (const [index, { route }] of demos.entries()) {
        const answer = down[index]!;
        expect(answer.status, `${route.name}: ${JSON.stringify(answer.body)}`).toBe(503);
        expect(isErrorEnvelope((await route.contract()).contract().tag, answer.body)).toBe(true);
      }

      dynamo = await startDynamoDb({ dbPath, port, ignoreEnvironment: true, shortLived: true });
      for (const [index, { route, demo }] of demos.entries()) {
        // The first success proves the failed attempt left nothing behind; the repeat shows the identity rule.
        expect(run(curls[index]!).status, route.name).toBe(demo.example.expect.first);
        expect(run(curls[index]!).status, route.name).toBe(demo.example.expect.repeat);
      }
    },
  );
});
