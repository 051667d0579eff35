import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { documentClient } from '#shared/store/client';

/** A DynamoDB fault as the SDK would surface it. */
export type FaultKind = 'throttling' | 'transaction-conflict' | 'connection-reset' | 'timeout';

const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand']);

function faultError(kind: FaultKind, commandName: string): Error {
  switch (kind) {
    case 'throttling':
      return Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
        name: 'ThrottlingException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
    case 'transaction-conflict':
      return commandName === 'TransactWriteItemsCommand'
        ? Object.assign(new Error('Transaction cancelled'), {
            name: 'TransactionCanceledException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
            CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
          })
        : Object.assign(new Error('Transaction is ongoing for the item'), {
            name: 'TransactionConflictException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
          });
    case 'connection-reset':
      return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    case 'timeout':
      return Object.assign(new Error('Connection timed out after 2000 ms'), { name: 'TimeoutError' });
  }
}

interface ActiveFault {
  kind: FaultKind;
  only: 'all' | 'writes';
  attempts: number;
}

let active: ActiveFault | undefined;
let installed = false;

/**
 * Injects a fault into the handlers' own DynamoDB client, below the SDK's retry
 * middleware, so the SDK retries it as it would a real one before giving up.
 * DynamoDB Local never throttles or conflicts, so this is the only way to see those paths.
 */
export function injectFault(kind: FaultKind, only: ActiveFault['only'] = 'all'): { attempts(): number; clear(): void } {
  if (!installed) {
    withoutBackoffWaits();
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        const commandName = context.commandName ?? '';
        if (active && (active.only === 'all' || WRITE_COMMANDS.has(commandName))) {
          active.attempts += 1;
          throw faultError(active.kind, commandName);
        }
        return next(args);
      },
      { step: 'deserialize', name: 'testFaultInjection' },
    );
    installed = true;
  }
  const fault: ActiveFault = { kind, only, attempts: 0 };
  active = fault;
  return { attempts: () => fault.attempts, clear: () => (active = undefined) };
}

/**
 * The SDK decides as it would (which errors it retries, how many attempts, its retry quota),
 * but does not wait between attempts: a test sees every attempt of a fault without sleeping
 * through the backoff (a second and more for each throttled call), which the SDK owns, not us.
 */
function withoutBackoffWaits(): void {
  const config = documentClient().config;
  const immediate = new ConfiguredRetryStrategy(config.maxAttempts, 0);
  config.retryStrategy = async () => immediate;
}
