import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The scripts behind `npm run <name>` that take arguments of their own (bench has its own test). */
const SCRIPTS = ['start', 'token', 'seed', 'backup', 'restore', 'openapi', 'docs:screenshot', 'migrate'];
const packageScripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

/** As npm runs it, without npm's own start-up: `tsx <file> <args>`. */
function run(name: string, args: string[]) {
  const [runner, file, ...rest] = packageScripts[name]!.split(' ');
  expect(runner, name).toBe('tsx');
  expect(rest, name).toEqual([]);
  // Nothing a script could reach before answering: no database, no Chromium.
  const env = { PATH: process.env.PATH, DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', CHROMIUM: '/nonexistent' };
  return spawnSync(process.execPath, ['--import', 'tsx', file!, ...args], { env, encoding: 'utf8', timeout: 30_000 });
}

describe.each(SCRIPTS)('npm run %s', (name) => {
  it.each(['--help', '-h'])('answers %s with its usage and exits 0', (flag) => {
    const result = run(name, [flag]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm (start|run)/);
    expect(result.stdout).toContain('-h, --help');
  });

  it('answers an unknown option with the usage on stderr and exits 2', () => {
    const result = run(name, ['--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("Unknown option '--no-such-option'");
    expect(result.stderr).toContain('usage: npm ');
  });
});
