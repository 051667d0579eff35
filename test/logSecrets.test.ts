import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_MERCHANT_API_KEY } from '#functions/commons/demo';
import { logger } from '#shared/observability/telemetry';
import { ATTACKS, mutatedBody, rawBody } from '#test/robustness/cases';
import { injectFault } from '#test/support/faults';
import { captureLogs, records, requestLines } from '#test/support/logs';
import { EVERY_ROUTE, routesUnderTest } from '#test/support/routes';
import { tokenFor } from '#test/support/tenants';

// Before the logger is built: every request sampled for DEBUG, the most the logs can ever say.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOGGER_SAMPLE_RATE = '1';
});

describe('what the logs never hold', () => {
  it('no token, merchant key, Stripe key or request body, even at DEBUG, after the robustness attacks', EVERY_ROUTE, async () => {
    const routes = await routesUnderTest();
    const tokens: string[] = [];
    const bodies: string[] = [];
    const marker = 'BODY-FRAGMENT-7d1e';
    const lines = await captureLogs(async () => {
      for (const route of routes) {
        const good = tokenFor(route.tenantId);
        tokens.push(good);
        for (const build of Object.values(ATTACKS)) {
          const token = build(route.tenantId);
          tokens.push(token);
          await route.call({ token });
        }
        const marked = JSON.stringify({ ...route.validBody(), note: marker });
        bodies.push(marked);
        await route.call({ body: marked, headers: { 'content-type': 'application/json' } });
        await route.call({ headers: { 'idempotency-key': `secret-${route.tenantId}` } });
        await route.call({ headers: { 'idempotency-key': `secret-${route.tenantId}` } });
        await route.call({ headers: { 'x-merchantapikey': 'mk_unknown_0c1d2e', 'x-business-id': 'someone-else' } });
        if (!route.hasBody) continue;
        for (const body of [...fc.sample(mutatedBody(route), 40), ...fc.sample(rawBody, 20)]) {
          bodies.push(body);
          await route.call({ body, headers: { 'content-type': 'application/json' } });
        }
        const fault = injectFault('timeout', 'writes');
        await route.call({ body: marked, headers: { 'content-type': 'application/json' } });
        fault.clear();
      }
    });

    const text = lines.join('\n');
    // The capture did see the requests, at DEBUG too.
    expect(requestLines(lines).length).toBeGreaterThan(routes.length * Object.keys(ATTACKS).length);
    expect(records(lines).some((record) => record.level === 'DEBUG')).toBe(true);
    expect(records(lines).some((record) => record.level === 'ERROR')).toBe(true);
    for (const token of tokens) {
      expect(text).not.toContain(token);
      for (const part of token.split('.').filter((segment) => segment.length > 16)) expect(text).not.toContain(part);
    }
    expect(text).not.toContain(DEMO_MERCHANT_API_KEY);
    expect(text).not.toMatch(/mk_[A-Za-z0-9]/);
    expect(text).not.toMatch(/sk_(test|live)_/);
    expect(text).not.toContain(marker);
    for (const body of bodies.filter((candidate) => candidate.length > 24)) expect(text).not.toContain(body);
  });

  it('redacts a token or a Stripe key that reaches a log line anyway, e.g. inside an error message', async () => {
    const jwt = tokenFor('tenant_redacted');
    const lines = await captureLogs(async () => {
      logger.error('upstream refused', {
        error: new Error('Invalid API Key provided: sk_live_****************abcd'),
        detail: `Bearer ${jwt}`,
      });
    });
    const [record] = records(lines);
    expect(record!.error.message).toBe('Invalid API Key provided: [redacted Stripe key]');
    expect(record!.detail).toBe('[redacted token]');
    expect(lines.join('\n')).not.toMatch(/sk_live_|eyJ/);
  });
});
