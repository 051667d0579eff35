import { Duration, NestedStack, type RemovalPolicy } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  FUNCTION_DIMENSION,
  METRICS_NAMESPACE,
  ROUTE_DIMENSION,
  ROUTE_METRICS,
  SERVICE_NAME,
  STREAM_METRICS,
} from '../shared/observability/names.ts';
import { routeKey, type RouteDefinition } from '../functions/routes.ts';

const PERIOD = Duration.minutes(5);

/** Thresholds the alarms use, documented with each alarm in docs/operating.md. */
export const ALARM_THRESHOLDS = {
  /** Percent of a route's answers that are 5xx, in two consecutive 5-minute periods. */
  route5xxRatePercent: 5,
  /** Oldest stream record the Stripe sync has not finished, in minutes. */
  stripeSyncIteratorAgeMinutes: 15,
} as const;

export interface MonitoringProps {
  routes: readonly RouteDefinition[];
  /** Every function of the stack, by name (routes, stream consumers, Cognito trigger). */
  functions: Record<string, IFunction>;
  table: TableV2;
  stripeSync: { function: IFunction; deadLetters: Queue };
  lowStockEvents: { function: IFunction; deadLetters: Queue };
  /** Subscribed to the alarm topic when given (context `alarmEmail`). */
  alarmEmail?: string;
  removalPolicy: RemovalPolicy;
}

/**
 * What wakes an operator and what they look at: alarms on 5xx rates per route, Lambda
 * errors and throttles, DynamoDB throttling, the Stripe sync's dead letters and lag,
 * all on one SNS topic, and one dashboard. Route alarms come from the registry, so a new
 * route gets its own without touching this file.
 *
 * The topic (and its subscriptions) stays in the main stack; the alarms and the dashboard,
 * three resources per route, live in a nested stack, `Alarms`, so that the main stack
 * keeps room under CloudFormation's 500 resources for more routes.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** The nested stack holding the alarms and the dashboard. */
  readonly alarmStack: NestedStack;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key: a key of our own lets it.
    const key = new Key(this, 'AlarmTopicKey', {
      enableKeyRotation: true,
      description: 'Encrypts the inventory-api alarm topic',
      removalPolicy: props.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'inventory-api alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.alarmStack = new NestedStack(this, 'Alarms', { description: 'inventory-api alarms and dashboard' });

    const routeRates = props.routes.map((route) => ({ route, rate: route5xxRate(route) }));
    for (const { route, rate } of routeRates) {
      this.alarm(`${route.name}5xxRate`, rate, {
        description: `${route.method} ${route.paths.join(' , ')}: more than ${ALARM_THRESHOLDS.route5xxRatePercent}% of answers were 5xx in two 5-minute periods in a row.`,
        threshold: ALARM_THRESHOLDS.route5xxRatePercent,
        evaluationPeriods: 2,
      });
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), {
        description: `${name}: the function failed (uncaught error, timeout or crash) at least once in 5 minutes.`,
        threshold: 1,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
      this.alarm(`${name}Throttles`, fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }), {
        description: `${name}: Lambda refused invocations for lack of concurrency in 5 minutes.`,
        threshold: 1,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    const tableThrottles = props.table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD });
    this.alarm('TableThrottledRequests', tableThrottles, {
      description: 'DynamoDB throttled requests to the table in 5 minutes (clients got 503 with Retry-After once the SDK retries ran out).',
      threshold: 1,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    const deadLetters = props.stripeSync.deadLetters.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' });
    this.alarm('StripeSyncDeadLetters', deadLetters, {
      description: 'Stripe sync records gave up after their retries and wait in the dead-letter queue: those variants have no Stripe IDs.',
      threshold: 0,
    });
    const lowStockDeadLetters = props.lowStockEvents.deadLetters.metricApproximateNumberOfMessagesVisible({
      period: PERIOD,
      statistic: 'Maximum',
    });
    this.alarm('LowStockEventDeadLetters', lowStockDeadLetters, {
      description:
        'InventoryLowStock events gave up after their retries and wait in the dead-letter queue: subscribers missed those crossings.',
      threshold: 0,
    });
    const iteratorAge = props.stripeSync.function.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' });
    this.alarm('StripeSyncIteratorAge', iteratorAge, {
      description: `The Stripe sync is more than ${ALARM_THRESHOLDS.stripeSyncIteratorAgeMinutes} minutes behind the table's stream.`,
      threshold: Duration.minutes(ALARM_THRESHOLDS.stripeSyncIteratorAgeMinutes).toMilliseconds(),
      evaluationPeriods: 2,
    });

    const dashboard = new Dashboard(this.alarmStack, 'Dashboard', { defaultInterval: Duration.hours(6) });
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# inventory-api\nAlarms, then one row per route, then the functions, the table and the Stripe sync. docs/operating.md says what each alarm means.',
        width: 24,
        height: 2,
      }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 }),
    );
    for (const { route, rate } of routeRates) {
      const sum = (metric: string) => routeSum(route, metric);
      dashboard.addWidgets(
        new GraphWidget({
          title: `${route.name}: answers by status class`,
          left: [sum(ROUTE_METRICS.status2xx), sum(ROUTE_METRICS.status4xx), sum(ROUTE_METRICS.status5xx)],
          right: [rate],
          rightYAxis: { min: 0, max: 100, label: '5xx %' },
          width: 12,
        }),
        new GraphWidget({
          title: `${route.name}: conflicts, replays, DynamoDB 503s`,
          left: [sum(ROUTE_METRICS.identityConflicts), sum(ROUTE_METRICS.idempotentReplays), sum(ROUTE_METRICS.dynamoDbUnavailable)],
          width: 12,
        }),
      );
    }
    const functions = Object.entries(props.functions);
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Lambda errors',
        left: functions.map(([name, fn]) => fn.metricErrors({ period: PERIOD, statistic: 'Sum', label: name })),
        width: 8,
      }),
      new GraphWidget({
        title: 'Lambda throttles',
        left: functions.map(([name, fn]) => fn.metricThrottles({ period: PERIOD, statistic: 'Sum', label: name })),
        width: 8,
      }),
      new GraphWidget({ title: 'DynamoDB throttled requests', left: [tableThrottles], width: 8 }),
      new GraphWidget({
        title: 'Stripe sync: done and failed',
        left: [streamSum('syncStripe', STREAM_METRICS.stripeSyncsDone), streamSum('syncStripe', STREAM_METRICS.stripeSyncsFailed)],
        width: 6,
      }),
      new GraphWidget({ title: 'Stripe sync: iterator age (ms)', left: [iteratorAge], width: 6 }),
      new GraphWidget({ title: 'Dead letters: Stripe sync, low-stock events', left: [deadLetters, lowStockDeadLetters], width: 6 }),
      new GraphWidget({
        title: 'Low-stock events emitted',
        // Whichever stream function emits them.
        left: [
          new MathExpression({
            expression: `SEARCH('{${METRICS_NAMESPACE},service,${FUNCTION_DIMENSION}} MetricName="${STREAM_METRICS.lowStockEventsEmitted}"', 'Sum', 300)`,
            label: 'emitted',
            period: PERIOD,
          }),
        ],
        width: 6,
      }),
    );
  }

  private alarm(
    id: string,
    metric: IMetric,
    options: { description: string; threshold: number; evaluationPeriods?: number; comparison?: ComparisonOperator },
  ): void {
    const alarm = new Alarm(this.alarmStack, id, {
      metric,
      alarmDescription: options.description,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No traffic is no failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

/** Every operation the functions issue on the table. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/** One route metric for one of its API Gateway route keys (the `route` dimension). */
function routeMetric(key: string, metric: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: metric,
    dimensionsMap: { service: SERVICE_NAME, [ROUTE_DIMENSION]: key },
    statistic: 'Sum',
    period: PERIOD,
  });
}

/** A route metric summed over the route's paths (a route may answer on several). */
function routeSum(route: RouteDefinition, metric: string): MathExpression {
  const usingMetrics = Object.fromEntries(
    route.paths.map((path, i) => [`${metric.toLowerCase()}${i}`, routeMetric(routeKey(route, path), metric)]),
  );
  return new MathExpression({
    expression: Object.keys(usingMetrics)
      .map((id) => `FILL(${id}, 0)`)
      .join(' + '),
    usingMetrics,
    label: metric,
    period: PERIOD,
  });
}

/** Percent of a route's answers that were 5xx; 0 without traffic. */
function route5xxRate(route: RouteDefinition): MathExpression {
  const errors = routeSum(route, ROUTE_METRICS.status5xx);
  const requests = routeSum(route, ROUTE_METRICS.requests);
  return new MathExpression({
    expression: 'IF(requests > 0, 100 * errors / requests, 0)',
    usingMetrics: { errors, requests },
    label: '5xx %',
    period: PERIOD,
  });
}

function streamSum(functionName: string, metric: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: metric,
    dimensionsMap: { service: SERVICE_NAME, [FUNCTION_DIMENSION]: functionName },
    statistic: 'Sum',
    period: PERIOD,
    label: metric,
  });
}
