import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ROUTES } from '../functions/routes.ts';
import { tokenEnvironment, type OidcIssuerSettings } from './auth.ts';
import { httpApi } from './httpApi.ts';
import { InventoryFunction, type FunctionFactory, type LogLevel } from './inventoryFunction.ts';
import { Monitoring } from './monitoring.ts';
import { lowStockEvents, stripeSync } from './streamConsumers.ts';
import { sealingSecret } from './sealing.ts';
import { inventoryTable } from './table.ts';

export type { OidcIssuerSettings } from './auth.ts';

export interface InventoryApiStackProps extends StackProps {
  /** When set, tokens come from this issuer and no user pool is created. */
  oidc?: OidcIssuerSettings;
  /** Claim that names the caller's tenant (default `tenant_id`). */
  tenantClaim?: string;
  /** Scope, group or role that allows writes (default `inventory/write`); with the stack's user pool, a resource-server scope. */
  writePermission?: string;
  /** Scope, group or role of the catalog administration routes (default `inventory/admin`); with the stack's user pool, a resource-server scope. */
  adminPermission?: string;
  /** Disposable stack: table and logs are destroyed with it, no deletion protection. */
  dev?: boolean;
  throttling?: { rateLimit: number; burstLimit: number };
  /** Allowed origins for browser calls; CORS stays off when empty. */
  corsOrigins?: string[];
  /** An existing Secrets Manager secret holding the Stripe secret key; one is created otherwise. */
  stripeSecretArn?: string;
  /** Subscribed by email to the alarm topic. */
  alarmEmail?: string;
  /** Functions' log level (default INFO) and share of requests logged at DEBUG (default 0.01). */
  logLevel?: LogLevel;
  debugSampleRate?: number;
  /** Retention of every log group, the functions' and the API access logs (default one month). */
  logRetention?: RetentionDays;
  /** An existing EventBridge bus for the InventoryLowStock events; one is created otherwise. */
  eventBusName?: string;
}

/**
 * The whole service in one stack: the table (infra/table.ts), who issues tokens (infra/auth.ts),
 * the HTTP API with one function per route (infra/httpApi.ts), the stream consumers
 * (infra/streamConsumers.ts) and the alarms and dashboard watching them all (infra/monitoring.ts).
 */
export class InventoryApiStack extends Stack {
  /** Every function, by name, for the alarms and the dashboard. */
  private readonly functions: Record<string, IFunction> = {};
  private readonly logs: { retention: RetentionDays; level: LogLevel; debugSampleRate: number };

  constructor(scope: Construct, id: string, props: InventoryApiStackProps = {}) {
    super(scope, id, props);
    const removalPolicy = props.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    this.logs = {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      level: props.logLevel ?? 'INFO',
      debugSampleRate: props.debugSampleRate ?? 0.01,
    };
    const inventoryFunction: FunctionFactory = (name, functionProps) => this.inventoryFunction(name, functionProps);

    const table = inventoryTable(this, { dev: Boolean(props.dev), removalPolicy });
    const auth = tokenEnvironment(this, props, removalPolicy, inventoryFunction);
    const stage = httpApi(this, {
      table,
      tokenEnvironment: auth,
      sealingSecret: sealingSecret(this, removalPolicy),
      throttling: props.throttling,
      corsOrigins: props.corsOrigins,
      logRetention: this.logs.retention,
      removalPolicy,
      inventoryFunction,
    });
    const stripe = stripeSync(this, table, removalPolicy, props.stripeSecretArn, inventoryFunction);
    const lowStock = lowStockEvents(this, table, removalPolicy, props.eventBusName, inventoryFunction);

    const monitoring = new Monitoring(this, 'Monitoring', {
      routes: ROUTES,
      functions: this.functions,
      table,
      stripeSync: stripe,
      lowStockEvents: lowStock,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
      removalPolicy,
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'AlarmTopicArn', { value: monitoring.topic.topicArn });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }

  /** A function with the stack's log settings, registered for the alarms and the dashboard. */
  private inventoryFunction(name: string, props: Parameters<FunctionFactory>[1]) {
    const { function: fn } = new InventoryFunction(this, name, {
      ...props,
      logRetention: this.logs.retention,
      logging: { level: this.logs.level, debugSampleRate: this.logs.debugSampleRate },
    });
    this.functions[name] = fn;
    return fn;
  }
}
