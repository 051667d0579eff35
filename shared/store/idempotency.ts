import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { isConditionFailure } from '#shared/store/conditions';
import { keys } from '#shared/store/keys';

/** How long a key is remembered (DynamoDB TTL removes the record later). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** How long a first request holds its key; longer than a function can run. */
export const IDEMPOTENCY_LOCK_SECONDS = 60;

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export type IdempotencyRecord =
  | { status: 'IN_PROGRESS'; fingerprint: string }
  | { status: 'COMPLETED'; fingerprint: string; response: StoredResponse };

const epochSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Claims the key for this request in one conditional write. A key that is free,
 * expired, or held by a first request that died is taken over; otherwise the
 * existing record comes back, read atomically with the refusal.
 */
export async function claimIdempotencyKey(tenantId: string, key: string, fingerprint: string): Promise<IdempotencyRecord | undefined> {
  const now = epochSeconds();
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.idempotency(tenantId, key),
          type: 'IdempotencyRecord',
          status: 'IN_PROGRESS',
          fingerprint,
          lockedUntil: now + IDEMPOTENCY_LOCK_SECONDS,
          expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND lockedUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':now': now, ':inProgress': 'IN_PROGRESS' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return undefined;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // The refused write returns the record as stored: raw attribute values, not a document.
    const stored = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
    if (!stored) throw error;
    const existing = unmarshall(stored);
    return existing.status === 'COMPLETED'
      ? { status: 'COMPLETED', fingerprint: String(existing.fingerprint), response: existing.response as StoredResponse }
      : { status: 'IN_PROGRESS', fingerprint: String(existing.fingerprint) };
  }
}

/** Stores the response of the request that holds the key. */
export async function completeIdempotencyKey(tenantId: string, key: string, fingerprint: string, response: StoredResponse): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.idempotency(tenantId, key),
      UpdateExpression: 'SET #status = :completed, #response = :response REMOVE lockedUntil',
      ConditionExpression: '#status = :inProgress AND fingerprint = :fingerprint',
      ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
      ExpressionAttributeValues: { ':completed': 'COMPLETED', ':inProgress': 'IN_PROGRESS', ':response': response, ':fingerprint': fingerprint },
    }),
  );
}

/** Frees the key after a failed request, so that a retry runs again. */
export async function releaseIdempotencyKey(tenantId: string, key: string, fingerprint: string): Promise<void> {
  try {
    await documentClient().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.idempotency(tenantId, key),
        ConditionExpression: '#status = :inProgress AND fingerprint = :fingerprint',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':fingerprint': fingerprint },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
