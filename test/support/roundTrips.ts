import { documentClient } from '#shared/store/client';

/**
 * Records the DynamoDB calls a request makes: each call notes how many calls had finished
 * when it started, so calls sent together share a wave. `waves` is the round trips in sequence.
 */
export function roundTripRecorder() {
  const calls: { command: string; after: number }[] = [];
  let recording = false;
  let finished = 0;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (!recording) return next(args);
      calls.push({ command: context.commandName ?? '', after: finished });
      try {
        return await next(args);
      } finally {
        finished += 1;
      }
    },
    { step: 'initialize', name: `countRoundTrips${Math.random()}` },
  );
  return async (run: () => Promise<unknown>) => {
    calls.length = 0;
    finished = 0;
    recording = true;
    await run();
    recording = false;
    const waves = [...new Set(calls.map((call) => call.after))].length;
    return { waves, commands: calls.map((call) => call.command).sort() };
  };
}
