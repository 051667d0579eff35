import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoFile = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

/** Writes files into a throwaway folder laid out like the repository, with the same package.json#imports aliases. */
async function fixtureRepo(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'layering-'));
  const { imports } = JSON.parse(await readFile(repoFile('package.json'), 'utf8'));
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'fixture', type: 'module', imports, dependencies: { '@aws-sdk/client-dynamodb': '1.0.0' } }),
    'node_modules/@aws-sdk/client-dynamodb/package.json': JSON.stringify({
      name: '@aws-sdk/client-dynamodb',
      version: '1.0.0',
      main: 'index.js',
    }),
    'node_modules/@aws-sdk/client-dynamodb/index.js': 'export class DynamoDBClient {}\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** One forbidden edge per rule, next to edges the rules allow; `// allowed` marks the latter. */
const FIXTURE: Record<string, string> = {
  'shared/domain/x.ts': [
    "import { randomUUID } from 'node:crypto'; // allowed",
    "import { y } from '#shared/domain/y'; // allowed",
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    'export const x = [randomUUID, y, DynamoDBClient];',
  ].join('\n'),
  'shared/domain/y.ts': 'export const y = 1;',
  // A cycle through the aliases, one leg of it type-only.
  'shared/store/a.ts':
    "import { y } from '#shared/domain/y'; // allowed\nimport { makeB } from '#shared/store/b';\nexport type A = { id: string };\nexport const makeA = () => [y, makeB()];",
  'shared/store/b.ts': "import type { A } from '#shared/store/a';\nexport const makeB = (): A => ({ id: 'b' });",
  'shared/store/c.ts': "import { h } from '#shared/http/h';\nexport const c = h;",
  'shared/store/e.ts': "import { gone } from '#shared/store/missing';\nexport const e = gone;",
  'shared/store/table.ts': 'export const table = 1;',
  'shared/http/h.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const h = DynamoDBClient;",
  'shared/auth/t.ts': "import { s } from '#shared/stripe/s';\nexport const t = s;",
  'shared/stripe/s.ts': "import { h } from '#shared/http/h';\nexport const s = h;",
  'shared/config.ts': "import { routes } from '#functions/routes';\nexport const config = routes;",
  'functions/routes.ts': "import { mRoutes } from '#functions/medusa/routes'; // allowed\nexport const routes = mRoutes;",
  'functions/commons/log.ts': 'export const log = 1;',
  'functions/medusa/routes.ts': 'export const mRoutes = [];',
  'functions/medusa/contracts.ts': 'export const contracts = 1;',
  'functions/medusa/dialect/m.ts':
    "import { log } from '#functions/commons/log'; // allowed\nimport { o } from '#functions/ordercloud/dialect/o';\nexport const m = [log, o];",
  'functions/medusa/a/handler.ts': [
    "import { log } from '#functions/commons/log'; // allowed",
    "import { m } from '#functions/medusa/dialect/m'; // allowed",
    "import { contracts } from '#functions/medusa/contracts'; // allowed",
    "import { b } from '#functions/medusa/b/handler';",
    "import { bench } from '#bench/tool';",
    'export const a = [log, m, contracts, b, bench];',
  ].join('\n'),
  'functions/medusa/b/handler.ts': 'export const b = 1;',
  'functions/medusa/workloads.ts': "import { bench } from '#bench/tool'; // allowed\nexport const workloads = bench;",
  'functions/ordercloud/dialect/o.ts': "import { t } from '#shared/auth/t';\nexport const o = t;",
  'bench/tool.ts': 'export const bench = 1;',
  'infra/stack.ts':
    "import { table } from '#shared/store/table'; // allowed\nimport { routes } from '#functions/routes'; // allowed\nimport { y } from '#shared/domain/y';\nimport { m } from '#functions/medusa/dialect/m';\nexport const stack = [table, routes, y, m];",
};

describe('the layering rules of .dependency-cruiser.mjs', () => {
  let root: string;
  let result: ICruiseResult;

  beforeAll(async () => {
    root = await fixtureRepo(FIXTURE);
    const options = await extractDepcruiseOptions(repoFile('.dependency-cruiser.mjs'));
    result = (await cruise(['functions', 'shared', 'infra', 'bench'], { ...options, baseDir: root })).output as ICruiseResult;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('reports every forbidden edge, an npm package in the domain and a type-only cycle included, and no allowed one', () => {
    const found = result.summary.violations
      .map((violation) => ({
        rule: violation.rule.name,
        from: violation.from,
        to: violation.to,
        cycle: violation.cycle?.map((step) => step.name),
      }))
      .sort((a, b) => a.rule.localeCompare(b.rule));
    const sdk = 'node_modules/@aws-sdk/client-dynamodb/index.js';
    expect(found).toEqual([
      { rule: 'auth-stands-alone', from: 'shared/auth/t.ts', to: 'shared/stripe/s.ts', cycle: undefined },
      { rule: 'dialects-are-translation', from: 'functions/ordercloud/dialect/o.ts', to: 'shared/auth/t.ts', cycle: undefined },
      { rule: 'domain-is-pure', from: 'shared/domain/x.ts', to: sdk, cycle: undefined },
      { rule: 'http-without-store', from: 'shared/http/h.ts', to: sdk, cycle: undefined },
      { rule: 'infra-without-runtime-code', from: 'infra/stack.ts', to: 'functions/medusa/dialect/m.ts', cycle: undefined },
      { rule: 'infra-without-runtime-code', from: 'infra/stack.ts', to: 'shared/domain/y.ts', cycle: undefined },
      { rule: 'lambdas-without-dev-code', from: 'functions/medusa/a/handler.ts', to: 'bench/tool.ts', cycle: undefined },
      { rule: 'no-circular', from: 'shared/store/a.ts', to: 'shared/store/b.ts', cycle: ['shared/store/b.ts', 'shared/store/a.ts'] },
      { rule: 'resolvable', from: 'shared/store/e.ts', to: '#shared/store/missing', cycle: undefined },
      { rule: 'routes-stay-apart', from: 'functions/medusa/a/handler.ts', to: 'functions/medusa/b/handler.ts', cycle: undefined },
      { rule: 'shared-below-entry-points', from: 'shared/config.ts', to: 'functions/routes.ts', cycle: undefined },
      { rule: 'store-below-http', from: 'shared/store/c.ts', to: 'shared/http/h.ts', cycle: undefined },
      { rule: 'stripe-adapter-apart', from: 'shared/stripe/s.ts', to: 'shared/http/h.ts', cycle: undefined },
      { rule: 'vendors-stay-apart', from: 'functions/medusa/dialect/m.ts', to: 'functions/ordercloud/dialect/o.ts', cycle: undefined },
    ]);
    expect(result.summary.error).toBe(found.length);
  });
});
