import { CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLING } from './bundling.ts';
import type { DynamoAction } from '../functions/routes.ts';

/** API Gateway HTTP APIs give up on an integration after 30 s. */
export const FUNCTION_TIMEOUT_SECONDS = 29;

export interface InventoryFunctionProps {
  /** The handler's source file. */
  entry: string;
  /** The table and exactly what the function calls on it: its policy grants these and nothing else. None: no table access. */
  table?: { table: ITableV2; actions: DynamoAction[]; queriesIndexes?: boolean };
  /** Settings the handler reads at cold start (TABLE_NAME is added with a table). */
  environment: Record<string, string>;
  /** API Gateway HTTP APIs give up on an integration after 30 s; stream consumers may take longer. */
  timeout?: Duration;
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * A Lambda with the project's defaults: Node.js 22 on arm64, an ESM bundle, its own
 * log group, X-Ray tracing, and only the DynamoDB actions it uses (if any).
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
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      role,
      bundling: { ...BUNDLING, format: OutputFormat.ESM },
      environment: {
        ...props.environment,
        ...(props.table ? { TABLE_NAME: props.table.table.tableName } : {}),
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    if (props.table) {
      const { table, actions, queriesIndexes } = props.table;
      role.addToPolicy(new PolicyStatement({ actions, resources: [table.tableArn, ...(queriesIndexes ? [`${table.tableArn}/index/*`] : [])] }));
      if (queriesIndexes) {
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement)}.Arn>/index/*]`,
          reason: "The function's read actions also apply to the table's own secondary indexes (every index is declared in shared/store/table.ts INDEXES); the wildcard spans only that table's indexes, never another table.",
        });
      }
    }

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Only xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing) use "*": X-Ray supports no resource-level permissions.',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The project targets Node.js 22 on purpose (the version its dependencies and tests support); runtime upgrades are deliberate changes, not drift.',
    });
  }
}
