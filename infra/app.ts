/** `cdk synth` / `cdk deploy` entry point; options are read from context (see infra/context.ts). */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stackPropsFromContext } from './context.ts';
import { InventoryApiStack } from './stack.ts';

const app = new App();
const read = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return value === undefined || value === null || value === '' ? undefined : String(value);
};

new InventoryApiStack(app, read('stackName') ?? 'InventoryApi', {
  ...stackPropsFromContext(read),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
// cdk-nag's AWS Solutions rules run on every synth; an unacknowledged finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
