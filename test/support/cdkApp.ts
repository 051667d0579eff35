import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';

/** The feature flags `cdk synth` reads from cdk.json: tests must synthesize the template that is deployed. */
const featureFlags: Record<string, unknown> = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;

/** An App configured as `cdk synth` configures it; bundling is skipped unless asked for. */
export function cdkApp({ bundle = false } = {}): App {
  return new App({ context: { ...featureFlags, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) } });
}
