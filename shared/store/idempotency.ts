import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { keys } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import { isConditionFailure, type StoreAttachment, type WriteAction } from '#shared/store/transactions';

/** How long a key is remembered (DynamoDB TTL removes the record later). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/** A key this request now holds: the token fences every later write to the record. */
export interface HeldKey {
  tenantId: string;
  key: string;
  fingerprint: string;
  token: string;
}

export type ExistingKey =
  { status: 'IN_PROGRESS'; fingerprint: string } | { status: 'COMPLETED'; fingerprint: string; response: StoredResponse };

const epochSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Idempotency records, one per tenant and key. The holder of a key is named by a random
 * token; completing or releasing the key requires that token, so a request that lost
 * its key (it outlived its lock, or its key was released after a timeout) can no
 * longer complete it, nor, when its answer is attached to its write, write at all.
 */
export const idempotencyStore = {
  /**
   * Claims the key in one conditional write. A key that is free, expired, or held by a
   * first request whose lock ran out is taken; otherwise the record comes back, read
   * atomically with the refusal.
   */
  async claim(
    tenantId: string,
    key: string,
    fingerprint: string,
    lockSeconds: number,
  ): Promise<{ held: HeldKey } | { existing: ExistingKey }> {
    const now = epochSeconds();
    const token = randomUUID();
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...keys.idempotency(tenantId, key),
            type: ENTITY.IdempotencyRecord,
            status: 'IN_PROGRESS',
            fingerprint,
            lockToken: token,
            lockedUntil: now + lockSeconds,
            expiresAt: now + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now OR (#status = :inProgress AND lockedUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': now, ':inProgress': 'IN_PROGRESS' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { held: { tenantId, key, fingerprint, token } };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The refused write returns the record as stored: raw attribute values, not a document.
      const stored = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
      if (!stored) throw error;
      const existing = unmarshall(stored);
      const fingerprintOf = String(existing.fingerprint);
      return existing.status === 'COMPLETED'
        ? { existing: { status: 'COMPLETED', fingerprint: fingerprintOf, response: storedResponse(existing.response) } }
        : { existing: { status: 'IN_PROGRESS', fingerprint: fingerprintOf } };
    }
  },

  /**
   * The key's completion as part of a command's own transaction: the write and its
   * stored answer are committed together or not at all. If the key is no longer ours
   * the whole transaction is refused with `refused()`.
   */
  completionAttachment(held: HeldKey, response: StoredResponse, refused: () => Error): StoreAttachment {
    return { attachment: true, action: { Update: completion(held, response) }, refused, committed: false };
  },

  /** Stores the answer of a request that wrote nothing through an attachment. False if the key is no longer ours. */
  async complete(held: HeldKey, response: StoredResponse): Promise<boolean> {
    try {
      await documentClient().send(new UpdateCommand(completion(held, response)));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Frees the key after a failed request, so that a retry runs again. */
  async release(held: HeldKey): Promise<void> {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: tableName(),
          Key: keys.idempotency(held.tenantId, held.key),
          ConditionExpression: '#status = :inProgress AND lockToken = :token',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':token': held.token },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
};

/** The answer is kept as JSON text: always storable, whatever numbers or nesting the body holds. */
function completion(held: HeldKey, response: StoredResponse): NonNullable<WriteAction['Update']> {
  return {
    TableName: tableName(),
    Key: keys.idempotency(held.tenantId, held.key),
    UpdateExpression: 'SET #status = :completed, #response = :response REMOVE lockedUntil, lockToken',
    ConditionExpression: '#status = :inProgress AND lockToken = :token',
    ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
    ExpressionAttributeValues: {
      ':completed': 'COMPLETED',
      ':inProgress': 'IN_PROGRESS',
      ':response': JSON.stringify(response),
      ':token': held.token,
    },
  };
}

function storedResponse(stored: unknown): StoredResponse {
  return (typeof stored === 'string' ? JSON.parse(stored) : stored) as StoredResponse;
}
