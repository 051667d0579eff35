import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stackPropsFromContext } from '#infra/context';
import { InventoryApiStack } from '#infra/stack';
import { cdkApp } from '#test/support/cdkApp';

const synth = (props = {}) => Template.fromStack(new InventoryApiStack(cdkApp(), 'Test', props));
const publisherOf = (template: Template) =>
  Object.entries(template.findResources('AWS::Lambda::Function')).find(
    ([, fn]: [string, any]) => fn.Properties.Environment?.Variables?.EVENT_BUS_NAME,
  )! as [string, any];

describe('the InventoryLowStock publisher in the stack', () => {
  const template = synth();
  const [publisherId, publisher] = publisherOf(template);

  it('publishes to a bus of the stack, from new LowStockEvent outbox entries only, with bisection, bounded retries and a dead-letter queue', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    expect(publisher.Properties.Environment.Variables.EVENT_BUS_NAME).toEqual({ Ref: expect.stringMatching(/^InventoryEvents/) });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: publisherId },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 8,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LowStockEventDeadLetters'), 'Arn'] } } },
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['LowStockEvent'] } } } }) }],
      },
    });
  });

  it('may read and remove outbox entries and put events on that bus only', () => {
    const statements = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([id]) => id.startsWith('publishLowStockRole'))
      .flatMap(([, policy]: [string, any]) => policy.Properties.PolicyDocument.Statement);
    const table = statements.find((s: any) => [s.Action].flat().includes('dynamodb:GetItem'));
    expect([table.Action].flat().sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem']);
    const events = statements.find((s: any) => [s.Action].flat().includes('events:PutEvents'));
    expect(events.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^InventoryEvents/), 'Arn'] });
  });

  it('uses a bus named by context instead, and creates none', () => {
    const named = synth(stackPropsFromContext((key) => (key === 'eventBusName' ? 'shop-events' : undefined)));
    named.resourceCountIs('AWS::Events::EventBus', 0);
    expect(publisherOf(named)[1].Properties.Environment.Variables.EVENT_BUS_NAME).toBe('shop-events');
  });
});
