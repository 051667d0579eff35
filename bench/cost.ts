import { marshall } from '@aws-sdk/util-dynamodb';
import type { RecordedCall } from './recorder.ts';

/**
 * On-demand prices, us-east-1, per million request units (AWS price list since
 * November 2024). Other regions differ by a constant factor; the ratios do not.
 */
export const PRICE_PER_MILLION = { write: 0.625, read: 0.125 } as const;

/** Approximate DynamoDB item size: attribute names plus their values, as DynamoDB counts them. */
export function itemBytes(item: Record<string, unknown>): number {
  return JSON.stringify(marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true })).length;
}

const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));

type Item = Record<string, unknown>;
const items = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);

/**
 * Request units one successful request consumed, modelled from the calls it issued:
 * writes 1 WRU per KB, strongly consistent reads 1 RRU per 4 KB (eventually consistent
 * half), every item of a transaction twice. Items a call only names (condition checks,
 * updates) are assumed to be at most 1 KB.
 */
export function requestUnits(calls: RecordedCall[]): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const { command, input, output } of calls) {
    const consistent = input.ConsistentRead === true;
    switch (command) {
      case 'PutCommand':
        write += writeUnits(itemBytes(input.Item as Item));
        break;
      case 'UpdateCommand':
      case 'DeleteCommand':
        write += 1;
        break;
      case 'GetCommand':
        read += readUnits(output?.Item ? itemBytes(output.Item as Item) : 0) * (consistent ? 1 : 0.5);
        break;
      case 'BatchGetCommand': {
        for (const [table, request] of Object.entries(input.RequestItems as Record<string, { Keys: Item[]; ConsistentRead?: boolean }>)) {
          const found = items((output?.Responses as Record<string, unknown> | undefined)?.[table]);
          const factor = request.ConsistentRead ? 1 : 0.5;
          // Every requested key costs at least one unit, found or not.
          read +=
            factor *
            Math.max(
              request.Keys.length,
              found.reduce((sum, item) => sum + readUnits(itemBytes(item)), 0),
            );
        }
        break;
      }
      case 'QueryCommand': {
        const bytes = items(output?.Items).reduce((sum, item) => sum + itemBytes(item), 0);
        read += readUnits(bytes) * (consistent ? 1 : 0.5);
        break;
      }
      case 'TransactWriteCommand':
        for (const action of items(input.TransactItems)) {
          write += 2 * ('Put' in action ? writeUnits(itemBytes((action.Put as { Item: Item }).Item)) : 1);
        }
        break;
      case 'TransactGetCommand':
        read += 2 * items(input.TransactItems).length;
        break;
    }
  }
  return { read, write };
}

export function costPerMillionUsd(units: { read: number; write: number }): number {
  return Number((units.read * PRICE_PER_MILLION.read + units.write * PRICE_PER_MILLION.write).toFixed(4));
}
