import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** One DynamoDB call as the SDK sent it: what, when, and what came back. */
export interface RecordedCall {
  command: string;
  input: Record<string, unknown>;
  output: Record<string, unknown> | undefined;
  start: number;
  end: number;
}

/** A client's call recorder: start, then stop to collect what was sent in between. */
export type Recorder = ReturnType<typeof recordCalls>;

/** Records every call a client sends (after retries), for round-trip counting, cost and replay. */
export function recordCalls(client: DynamoDBDocumentClient) {
  let calls: RecordedCall[] = [];
  let enabled = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!enabled) return next(args);
      const start = performance.now();
      const result = await next(args);
      calls.push({
        command: documentCommandName(context.commandName ?? 'unknown'),
        input: structuredClone(args.input as Record<string, unknown>),
        output: result.output as Record<string, unknown>,
        start,
        end: performance.now(),
      });
      return result;
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
      return calls;
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
