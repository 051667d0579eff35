/**
 * A list of values in a query string, in the forms Medusa reads (qs): `name[]=a&name[]=b`, which
 * API Gateway hands over as one `name[]` key with `a,b`, or `name[0]=a&name[1]=b` as the js-sdk
 * writes an array. The plain key (`name=a`) is one value: API Gateway joins a repeated plain key
 * with commas, and Medusa reads `a,b` as one value.
 */

const escaped = (name: string) => name.replace(/[[\]$.*+?^(){}|\\]/g, '\\$&');

/** Whether a query key is one of the name's list forms (`name[]`, `name[n]`). */
export function isListForm(name: string, key: string): boolean {
  return key === `${name}[]` || new RegExp(`^${escaped(name)}\\[\\d+\\]$`).test(key);
}

/** The values the list forms of `name` carry, in the query's order; undefined when none is given. */
export function listedValues(query: Record<string, unknown>, name: string): string[] | undefined {
  let values: string[] | undefined;
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string' || !isListForm(name, key)) continue;
    values ??= [];
    values.push(...(key === `${name}[]` ? value.split(',') : [value]));
  }
  return values;
}

/**
 * The query with each named list's forms gathered under `listKey(name)` as an array (the plain key
 * is left as it is), so a strict schema sees one key per list.
 */
export function gatherLists(
  query: Record<string, unknown>,
  names: readonly string[],
  listKey: (name: string) => string = (name) => `${name}[]`,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!names.some((name) => isListForm(name, key))) out[key] = value;
  }
  for (const name of names) {
    const values = listedValues(query, name);
    if (values !== undefined) out[listKey(name)] = values;
  }
  return out;
}
