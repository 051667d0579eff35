import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { INDEXES, TABLE } from '../shared/store/table.ts';

/**
 * The single table, laid out as shared/store/table.ts declares it (keys, indexes, TTL, stream),
 * on demand with point-in-time recovery; a dev stack's table may be deleted with it.
 */
export function inventoryTable(scope: Construct, { dev, removalPolicy }: { dev: boolean; removalPolicy: RemovalPolicy }): TableV2 {
  return new TableV2(scope, 'Table', {
    partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
    sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: !dev,
    removalPolicy,
    timeToLiveAttribute: TABLE.timeToLiveAttribute,
    dynamoStream: StreamViewType[TABLE.streamView],
    globalSecondaryIndexes: INDEXES.map((index) => ({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
    })),
  });
}
