import { NestedStack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { routeKey, ROUTES } from '#functions/routes';
import { stackPropsFromContext } from '#infra/context';
import { InventoryApiStack, type InventoryApiStackProps } from '#infra/stack';
import { cdkApp } from '#test/support/cdkApp';

const synth = (props: InventoryApiStackProps = {}) => Template.fromStack(new InventoryApiStack(cdkApp(), 'Test', props));

/**
 * The nested stack of alarms and dashboard, with each parameter replaced by what the main
 * stack passes it, so that a reference reads as the resource it names (`{Ref: <function>}`).
 */
function synthAlarms(): Template {
  const stack = new InventoryApiStack(cdkApp(), 'Test');
  const nested = stack.node.findAll().find((construct): construct is NestedStack => construct instanceof NestedStack)!;
  const passed = (Object.values(Template.fromStack(stack).findResources('AWS::CloudFormation::Stack'))[0] as Resource).Properties
    .Parameters as Record<string, unknown>;
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as { Ref?: string }).Ref;
    if (ref !== undefined && Object.hasOwn(passed, ref)) return passed[ref];
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
  };
  // The resolved references name resources of the main stack, which this template does not hold.
  return Template.fromJSON(resolve(Template.fromStack(nested).toJSON()) as Record<string, unknown>, {
    skipCyclicalDependenciesCheck: true,
  });
}

type Resource = { Properties: Record<string, any> };
const alarms = (template: Template) => template.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>;
const alarm = (template: Template, id: string): Resource => {
  const found = Object.entries(alarms(template)).filter(([logicalId]) => new RegExp(`^${id}[0-9A-F]{8}$`).test(logicalId));
  expect(
    found.map(([logicalId]) => logicalId),
    id,
  ).toHaveLength(1);
  return found[0]![1];
};
const topicRef = { Ref: expect.stringMatching(/^MonitoringAlarmTopic/) };
/** Metric definitions of an alarm, whether it watches one metric or metric math. */
const metricsOf = (resource: Resource): Record<string, any>[] =>
  resource.Properties.Metrics
    ? resource.Properties.Metrics.filter((query: any) => query.MetricStat).map((query: any) => query.MetricStat.Metric)
    : [
        {
          MetricName: resource.Properties.MetricName,
          Namespace: resource.Properties.Namespace,
          Dimensions: resource.Properties.Dimensions,
        },
      ];
const FUNCTIONS = [...ROUTES.map((route) => route.name), 'syncStripe', 'publishLowStock', 'customizeAccessToken'];

describe('alarms, dashboard and logs in the stack', () => {
  const template = synth();
  const alarmTemplate = synthAlarms();

  it("alarms on the 5xx rate of every route, over all of its paths, from the functions' own metrics", () => {
    for (const route of ROUTES) {
      const rate = alarm(alarmTemplate, `${route.name}5xxRate`);
      expect(rate.Properties).toMatchObject({
        Threshold: 5,
        EvaluationPeriods: 2,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(rate.Properties.Metrics.find((query: any) => query.ReturnData !== false).Expression).toBe(
        'IF(requests > 0, 100 * errors / requests, 0)',
      );
      const watched = metricsOf(rate).map(
        (metric) => `${metric.MetricName} ${metric.Dimensions.find((d: any) => d.Name === 'route').Value}`,
      );
      const expected = route.paths.flatMap((path) => ['Status5xx', 'Requests'].map((name) => `${name} ${routeKey(route, path)}`));
      expect(watched.sort()).toEqual(expected.sort());
      expect(metricsOf(rate).every((metric) => metric.Namespace === 'InventoryApi')).toBe(true);
    }
  });

  it('alarms on errors and throttles of every function, the Cognito trigger and the Stripe sync included', () => {
    for (const name of FUNCTIONS) {
      for (const [kind, metricName] of [
        ['Errors', 'Errors'],
        ['Throttles', 'Throttles'],
      ] as const) {
        const found = alarm(alarmTemplate, `${name}${kind}`);
        expect(found.Properties).toMatchObject({
          MetricName: metricName,
          Namespace: 'AWS/Lambda',
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Statistic: 'Sum',
        });
        expect(found.Properties.Dimensions).toEqual([
          { Name: 'FunctionName', Value: { Ref: expect.stringMatching(new RegExp(`^${name}Function`)) } },
        ]);
      }
    }
  });

  it('alarms on DynamoDB throttled requests of the table, over every operation the functions use', () => {
    const throttles = alarm(alarmTemplate, 'TableThrottledRequests');
    expect(throttles.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const operations = metricsOf(throttles).map((metric) => {
      expect(metric).toMatchObject({ MetricName: 'ThrottledRequests', Namespace: 'AWS/DynamoDB' });
      return metric.Dimensions.find((d: any) => d.Name === 'Operation').Value;
    });
    expect(operations.sort()).toEqual(['BatchGetItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'UpdateItem']);
  });

  it('alarms as soon as one record reaches the Stripe sync dead-letter queue, and when the sync falls 15 minutes behind', () => {
    expect(alarm(alarmTemplate, 'StripeSyncDeadLetters').Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(/^StripeSyncDeadLetters/), 'QueueName'] } }],
    });
    expect(alarm(alarmTemplate, 'StripeSyncIteratorAge').Properties).toMatchObject({
      MetricName: 'IteratorAge',
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Threshold: 15 * 60 * 1000,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^syncStripeFunction/) } }],
    });
  });

  it('sends every alarm and its recovery to one encrypted SNS topic, and nothing else exists unalarmed', () => {
    expect(Object.keys(alarms(template))).toEqual([]);
    const all = Object.values(alarms(alarmTemplate));
    // Per route its 5xx rate; per function errors and throttles; the table's throttling, the two dead-letter queues and the sync's lag.
    expect(all).toHaveLength(ROUTES.length + 2 * FUNCTIONS.length + 4);
    for (const found of all) expect(found.Properties).toMatchObject({ AlarmActions: [topicRef], OKActions: [topicRef] });
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MonitoringAlarmTopicKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes the operator email given by context', () => {
    const withEmail = synth(stackPropsFromContext((key) => ({ alarmEmail: 'oncall@example.com' })[key]));
    const subscriptions = Object.values(withEmail.findResources('AWS::SNS::Subscription')) as Resource[];
    expect(subscriptions.map((subscription) => subscription.Properties)).toEqual([
      { Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: topicRef },
    ]);
  });

  it('has one dashboard showing every route and every alarm', () => {
    const dashboards = Object.values(alarmTemplate.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const route of ROUTES) expect(body).toContain(`${route.name}: answers by status class`);
    for (const title of [
      'Alarms',
      'Lambda errors',
      'Lambda throttles',
      'DynamoDB throttled requests',
      'Stripe sync: done and failed',
      'Stripe sync: iterator age (ms)',
      'Dead letters: Stripe sync, low-stock events',
      'Low-stock events emitted',
    ]) {
      expect(body).toContain(title);
    }
  });

  it('sets a retention on every log group, and every function logs to one of them', () => {
    const groups = template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>;
    for (const group of Object.values(groups)) expect(group.Properties.RetentionInDays).toBe(30);
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];
    expect(functions).toHaveLength(FUNCTIONS.length);
    for (const fn of functions) expect(Object.keys(groups)).toContain(fn.Properties.LoggingConfig.LogGroup.Ref);
    expect(Object.keys(groups).some((id) => id.startsWith('ApiAccessLogs'))).toBe(true);
  });

  it('gives every function the Powertools log settings, plain-text Lambda logging and active tracing', () => {
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]) {
      expect(fn.Properties).toMatchObject({ LoggingConfig: { LogFormat: 'Text' }, TracingConfig: { Mode: 'Active' } });
      expect(fn.Properties.Environment.Variables).toMatchObject({ POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_LOGGER_SAMPLE_RATE: '0.01' });
    }
  });
});

describe('operating options from context', () => {
  it('sets the log level, the debug sample rate and the retention', () => {
    const template = synth(stackPropsFromContext((key) => ({ logLevel: 'warn', debugSampleRate: '0.1', logRetentionDays: '90' })[key]));
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]) {
      expect(fn.Properties.Environment.Variables).toMatchObject({ POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_LOGGER_SAMPLE_RATE: '0.1' });
    }
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[])
      expect(group.Properties.RetentionInDays).toBe(90);
  });

  it('refuses values CloudWatch or the logger would not take', () => {
    const props = (context: Record<string, string>) => () => stackPropsFromContext((key) => context[key]);
    expect(props({ alarmEmail: 'not-an-address' })).toThrow(/alarmEmail/);
    expect(props({ logLevel: 'LOUD' })).toThrow(/logLevel/);
    expect(props({ debugSampleRate: '2' })).toThrow(/debugSampleRate/);
    expect(props({ logRetentionDays: '31' })).toThrow(/logRetentionDays/);
  });

  it('keeps cdk-nag clean with an alarm email and without the user pool', () => {
    const app = cdkApp();
    new InventoryApiStack(app, 'Nag', {
      alarmEmail: 'oncall@example.com',
      oidc: { issuer: 'https://id.example.com', audience: 'inventory' },
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
  });
});
