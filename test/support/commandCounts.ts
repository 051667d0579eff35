import { documentClient } from '#shared/store/client';

/** Counts the SDK's calls by command (`TransactWriteItemsCommand`: 3) while `run` runs. */
export async function countingCommands<T>(run: () => Promise<T>): Promise<{ value: T; calls: Record<string, number> }> {
  const calls: Record<string, number> = {};
  const name = `commandCounts${Math.random()}`;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      calls[command] = (calls[command] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return { value: await run(), calls };
  } finally {
    documentClient().middlewareStack.remove(name);
  }
}
