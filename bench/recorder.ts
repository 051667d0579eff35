import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One DynamoDB call as the SDK sent it: what, when, and what came back. */
export interface RecordedCall {
  command: string;
  input: Record<string, unknown>;
  output: Record<string, unknown> | undefined;
  /** The error's name, for a call DynamoDB refused (a condition, a cancelled transaction): it cost a round trip too. */
  failed?: string;
  start: number;
  end: number;
}

/** A client's call recorder: start, then stop to collect what was sent in between. */
export type Recorder = ReturnType<typeof recordCalls>;

/** Records every call a client sends (after retries), refused ones too, for round-trip counting, cost and replay. */
export function recordCalls(client: DynamoDBDocumentClient) {
  let calls: RecordedCall[] = [];
  let enabled = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!enabled) return next(args);
      const start = performance.now();
      const call = (output: unknown, failed?: string) =>
        calls.push({
          command: documentCommandName(context.commandName ?? 'unknown'),
          // Kept as sent and copied once the request is over: a copy here would be timed as the handler's.
          input: args.input as Record<string, unknown>,
          output: output as Record<string, unknown> | undefined,
          ...(failed ? { failed } : {}),
          start,
          end: performance.now(),
        });
      try {
        const result = await next(args);
        call(result.output);
        return result;
      } catch (error) {
        call(undefined, (error as Error).name);
        throw error;
      }
    },
    { step: 'initialize', name: 'benchRecorder' },
  );
  return {
    start() {
      calls = [];
      enabled = true;
    },
    stop(): RecordedCall[] {
      enabled = false;
      return calls.map((call) => ({ ...call, input: structuredClone(call.input) }));
    },
  };
}

/** Calls that overlap in time share one round trip on the critical path. */
export function criticalPathRoundTrips(calls: RecordedCall[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let trips = 0;
  let currentEnd = -Infinity;
  for (const call of sorted) {
    if (call.start >= currentEnd) {
      trips += 1;
      currentEnd = call.end;
    } else {
      currentEnd = Math.max(currentEnd, call.end);
    }
  }
  return trips;
}

/** The client stack sees low-level names (PutItemCommand); replay and cost speak lib-dynamodb's (PutCommand). */
function documentCommandName(name: string): string {
  return name.replace(/ItemsCommand$|ItemCommand$/, 'Command');
}
