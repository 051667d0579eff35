import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/store/client';

describe('the routes’ DynamoDB client', () => {
  it('leaves out the SDK’s logger step, which filters every input and output for a logger that prints nothing', () => {
    const steps = createDocumentClient({ endpoint: 'http://127.0.0.1:1' }).middlewareStack.identify();
    expect(steps.some((step) => step.startsWith('loggerMiddleware'))).toBe(false);
    expect(steps.some((step) => step.startsWith('roundTripsPerRequest'))).toBe(true);
  });
});
