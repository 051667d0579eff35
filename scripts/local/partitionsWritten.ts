type Input = Record<string, any>;

/**
 * The partition keys a DynamoDB command's input writes to, whatever the command (single,
 * transaction, batch; marshalled or not). UpdateItem and DeleteItem name a Key, and so does
 * GetItem, which only adds a partition to look at.
 */
export function partitionsWritten(input: Input | undefined): string[] {
  if (!input) return [];
  const named: unknown[] = [input.Item?.pk, input.Key?.pk];
  for (const action of input.TransactItems ?? []) named.push((action.Put?.Item ?? action.Update?.Key ?? action.Delete?.Key)?.pk);
  for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(requests)) continue; // BatchGetItem: reads only
    for (const request of requests as Input[]) named.push((request.PutRequest?.Item ?? request.DeleteRequest?.Key)?.pk);
  }
  return named.flatMap((pk) => {
    const value = typeof pk === 'string' ? pk : (pk as { S?: unknown } | undefined)?.S;
    return typeof value === 'string' ? [value] : [];
  });
}
