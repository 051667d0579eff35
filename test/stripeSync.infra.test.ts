import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InventoryApiStack } from '#infra/stack';
import { cdkApp } from '#test/support/cdkApp';

const synth = (props = {}) => Template.fromStack(new InventoryApiStack(cdkApp(), 'Test', props));

describe('the Stripe sync in the stack', () => {
  const template = synth();
  const [syncId, sync] = Object.entries(template.findResources('AWS::Lambda::Function')).find(
    ([, fn]: [string, any]) => fn.Properties.Environment?.Variables?.STRIPE_SECRET_ARN,
  )! as [string, any];

  it('is a function of its own, on Node.js 22 arm64, with the secret and the table but no token settings', () => {
    expect(sync.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: 60 });
    expect(sync.Properties.Environment.Variables.STRIPE_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/^StripeSecretKey/) });
    expect(sync.Properties.Environment.Variables.TENANT_CLAIM).toBeUndefined();
  });

  it('reads only new outbox entries from the stream, with bisection, bounded retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: syncId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 8,
      MaximumRecordAgeInSeconds: 21600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StripeSyncDeadLetters'), 'Arn'] } } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { type: { S: ['StripeSyncTask', 'StripeChangeTask'] } } },
            }),
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('grants exactly the table reads and writes it makes and reading its own secret', () => {
    const statements = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([id]) => id.startsWith('syncStripeRole'))
      .flatMap(([, policy]: [string, any]) => policy.Properties.PolicyDocument.Statement);
    const tableWrites = statements.find((s: any) => [s.Action].flat().includes('dynamodb:UpdateItem'));
    expect([tableWrites.Action].flat().sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    const secretRead = statements.find((s: any) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(secretRead.Resource).toEqual({ Ref: expect.stringMatching(/^StripeSecretKey/) });
  });

  it('uses an existing secret when given one, and creates none', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:stripe-key-AbCdEf';
    const withExisting = synth({ stripeSecretArn: arn });
    // The only secret the stack creates then is the cursor sealing one.
    expect(Object.keys(withExisting.findResources('AWS::SecretsManager::Secret'))).toEqual([expect.stringMatching(/^CursorSealingSecret/)]);
    const fn = Object.values(withExisting.findResources('AWS::Lambda::Function')).find(
      (f: any) => f.Properties.Environment?.Variables?.STRIPE_SECRET_ARN,
    ) as any;
    expect(fn.Properties.Environment.Variables.STRIPE_SECRET_ARN).toBe(arn);
  });
});
