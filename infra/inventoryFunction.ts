import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLING } from './bundling.ts';
import type { DynamoAction } from '../functions/routes.ts';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** API Gateway HTTP APIs give up on an integration after 30 s. */
export const FUNCTION_TIMEOUT_SECONDS = 29;

export interface InventoryFunctionProps {
  /** The handler's source file. */
  entry: string;
  /** The table and exactly what the function calls on it: its policy grants these and nothing else. None: no table access. */
  table?: { table: ITableV2; actions: DynamoAction[]; indexes?: readonly string[] };
  /** Settings the handler reads at cold start (TABLE_NAME is added with a table). */
  environment: Record<string, string>;
  /** Log level and share of requests logged at DEBUG (Powertools Logger). */
  logging: { level: LogLevel; debugSampleRate: number };
  /** API Gateway HTTP APIs give up on an integration after 30 s; stream consumers may take longer. */
  timeout?: Duration;
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
}

/** How the stack's parts create a function: the stack adds its log settings and registers it for the alarms. */
export type FunctionFactory = (name: string, props: Omit<InventoryFunctionProps, 'logRetention' | 'logging'>) => NodejsFunction;

/**
 * A Lambda with the project's defaults: Node.js 22 on arm64, an ESM bundle, its own
 * log group with a retention, X-Ray tracing, the Powertools log settings, and only the
 * DynamoDB actions it uses (if any).
 */
export class InventoryFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: InventoryFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    // Our own role instead of AWSLambdaBasicExecutionRole: logs go only to this function's group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      // By default just under API Gateway's 30 s limit; the pipeline answers 503 itself 1 s before.
      timeout: props.timeout ?? Duration.seconds(FUNCTION_TIMEOUT_SECONDS),
      tracing: Tracing.ACTIVE,
      // Powertools writes its own JSON lines. Lambda's JSON format would impose its own level
      // (Advanced Logging Controls) and drop the DEBUG lines of sampled requests.
      loggingFormat: LoggingFormat.TEXT,
      logGroup,
      role,
      bundling: { ...BUNDLING, format: OutputFormat.ESM },
      environment: {
        ...props.environment,
        ...(props.table ? { TABLE_NAME: props.table.table.tableName } : {}),
        POWERTOOLS_LOG_LEVEL: props.logging.level,
        POWERTOOLS_LOGGER_SAMPLE_RATE: String(props.logging.debugSampleRate),
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    if (props.table) {
      role.addToPolicy(new PolicyStatement({ actions: props.table.actions, resources: [props.table.table.tableArn] }));
      // Each index by name rather than <table>/index/*: Query on what the route reads, nothing else.
      const indexes = props.table.indexes ?? [];
      if (indexes.length > 0) {
        role.addToPolicy(
          new PolicyStatement({
            actions: ['dynamodb:Query'],
            resources: indexes.map((name) => `${props.table!.table.tableArn}/index/${name}`),
          }),
        );
      }
    }

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing) use "*": X-Ray supports no resource-level permissions.',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The project targets Node.js 22 on purpose (the version its dependencies and tests support); runtime upgrades are deliberate changes, not drift.',
    });
  }
}
