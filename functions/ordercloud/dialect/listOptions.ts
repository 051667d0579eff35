import * as z from 'zod/mini';
import type { InventoryRecord } from '#shared/domain/inventoryRecord';
import type { RecordListQuery } from '#shared/domain/inventoryRecordList';

/**
 * OrderCloud's list options for inventory records: page, pageSize, search/searchOn,
 * sortBy, includeAddress, and filters as top-level query parameters with OrderCloud's
 * operators. Anything else is refused, naming the parameter.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

type FieldKind = 'string' | 'number' | 'boolean' | 'json';

/** The filterable, searchable and sortable fields, by their OrderCloud names. */
const FIELDS: Record<string, { kind: FieldKind; value(record: InventoryRecord): unknown }> = {
  ID: { kind: 'string', value: (record) => record.id },
  AddressID: { kind: 'string', value: (record) => record.addressId },
  QuantityAvailable: { kind: 'number', value: (record) => record.quantityAvailable },
  OrderCanExceed: { kind: 'boolean', value: (record) => record.orderCanExceed },
  AllowAllBuyers: { kind: 'boolean', value: (record) => record.allowAllBuyers },
};
const SEARCHABLE = ['ID', 'AddressID'] as const;
const SORTABLE = ['ID', 'AddressID'] as const;

const optionalText = z.optional(z.string());

/** The documented parameters; any other is a filter (`ID`, `xp.Color`, ...) or refused. */
const ListParameters = z.looseObject({
  page: optionalText,
  pageSize: optionalText,
  search: optionalText,
  searchOn: optionalText,
  sortBy: optionalText,
  includeAddress: optionalText,
});

export interface RecordListOptions {
  query: RecordListQuery;
  includeAddress: boolean;
}

class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export const RecordListQueryParameters = z.pipe(
  ListParameters,
  z.transform((params, context): RecordListOptions => {
    try {
      return toListOptions(params as Record<string, string | undefined>);
    } catch (error) {
      if (!(error instanceof ParameterError)) throw error;
      context.issues.push({ code: 'custom', path: [error.parameter], message: error.message, input: params[error.parameter] });
      return z.NEVER;
    }
  }),
);

function toListOptions(params: Record<string, string | undefined>): RecordListOptions {
  const { page, pageSize, search, searchOn, sortBy, includeAddress, ...filters } = params;
  const matchers = Object.entries(filters).flatMap(([name, value]) => (value === undefined ? [] : [filterOf(name, value)]));
  const searcher = search === undefined || search === '' ? undefined : searchOf(search, searchOn);
  if (searcher === undefined && searchOn !== undefined) listOf('searchOn', searchOn, SEARCHABLE);
  return {
    includeAddress: flag('includeAddress', includeAddress),
    query: {
      page: integer('page', page, 1, Number.MAX_SAFE_INTEGER, 1),
      pageSize: integer('pageSize', pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
      matches: (record) => matchers.every((matches) => matches(record)) && (searcher?.(record) ?? true),
      compare: comparatorOf(sortBy),
      ...(matchers.length === 0 && searcher === undefined && idOrderOf(sortBy) ? { idOrder: idOrderOf(sortBy) } : {}),
    },
  };
}

function integer(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const number = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) throw new ParameterError(name, `must be an integer from ${min} to ${max}`);
  return number;
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw new ParameterError(name, 'must be true or false');
  return lower === 'true';
}

function listOf<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  const entries = value.split(',').map((entry) => entry.trim());
  const unknown = entries.find((entry) => !allowed.includes(entry as T));
  if (unknown !== undefined) throw new ParameterError(name, `${JSON.stringify(unknown)} is not one of ${allowed.join(', ')}`);
  return entries as T[];
}

/** Case-insensitive substring search over the chosen fields (default: every searchable field). */
function searchOf(term: string, searchOn: string | undefined): (record: InventoryRecord) => boolean {
  const fields = searchOn === undefined ? [...SEARCHABLE] : listOf('searchOn', searchOn, SEARCHABLE);
  const needle = term.toLowerCase();
  return (record) => fields.some((field) => String(FIELDS[field]!.value(record)).toLowerCase().includes(needle));
}

/** `sortBy=AddressID,!ID`: `!` sorts descending; the ID breaks ties so pages never overlap. */
function comparatorOf(sortBy: string | undefined): (a: InventoryRecord, b: InventoryRecord) => number {
  const keys = (sortBy === undefined ? [] : listOf('sortBy', sortBy, [...SORTABLE, ...SORTABLE.map((field) => `!${field}` as const)])).map(
    (entry) => ({
      field: FIELDS[entry.replace(/^!/, '')]!,
      direction: entry.startsWith('!') ? -1 : 1,
    }),
  );
  keys.push({ field: FIELDS.ID!, direction: 1 });
  return (a, b) => {
    for (const { field, direction } of keys) {
      const order = ordinal(String(field.value(a)), String(field.value(b)));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/** `sortBy` absent, `ID` or `!ID`: the order of the records' keys, read forwards or backwards. */
function idOrderOf(sortBy: string | undefined): 'ascending' | 'descending' | undefined {
  const entries = sortBy === undefined ? [] : sortBy.split(',').map((entry) => entry.trim());
  if (entries.length === 0 || (entries.length === 1 && entries[0] === 'ID')) return 'ascending';
  return entries.length === 1 && entries[0] === '!ID' ? 'descending' : undefined;
}

const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One filter parameter. API Gateway joins a repeated parameter with commas, and OrderCloud
 * ANDs repeated parameters, so each comma-separated part must hold; within a part, `|`
 * separates alternatives of which one must hold. An alternative is `[!](<|>|<=|>=)value`
 * or a pattern where `*` matches any run of characters; `*` alone means "has a value", so
 * `!*` means "has none".
 */
function filterOf(name: string, raw: string): (record: InventoryRecord) => boolean {
  // Own keys only: a parameter named `toString` or `__proto__` is no field.
  const field =
    name.startsWith('xp.') && name.length > 3
      ? { kind: 'json' as const, value: xpValue(name.slice(3).split('.')) }
      : Object.hasOwn(FIELDS, name)
        ? FIELDS[name]
        : undefined;
  if (!field) throw new ParameterError(name, `is not a list option or a filterable field (${[...Object.keys(FIELDS), 'xp.*'].join(', ')})`);
  const parts = raw.split(',').map((part) => part.split('|').map((alternative) => conditionOf(name, field.kind, alternative)));
  return (record) => {
    const value = field.value(record);
    return parts.every((alternatives) => alternatives.some((holds) => holds(value)));
  };
}

const xpValue = (path: string[]) => (record: InventoryRecord) =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined,
    record.xp,
  );

function conditionOf(name: string, kind: FieldKind, alternative: string): (value: unknown) => boolean {
  const negated = alternative.startsWith('!');
  const body = negated ? alternative.slice(1) : alternative;
  const operator = /^(<=|>=|<|>)/.exec(body)?.[1];
  const operand = operator ? body.slice(operator.length) : body;
  if (operand === '') throw new ParameterError(name, 'needs a value after its operator');
  let holds: (value: unknown) => boolean;
  if (operator) {
    if (kind === 'boolean') throw new ParameterError(name, `cannot be compared with ${operator}`);
    if (kind === 'number' && !isInteger(operand)) throw new ParameterError(name, 'must be compared with an integer');
    holds = (value) => compares(value, operator, operand);
  } else if (operand === '*') {
    holds = (value) => value !== undefined && value !== null;
  } else {
    if (kind === 'number' && !isInteger(operand)) throw new ParameterError(name, 'must be an integer, or * for any value');
    if (kind === 'boolean' && !/^(true|false)$/i.test(operand)) throw new ParameterError(name, 'must be true or false, or * for any value');
    const pattern = operand.toLowerCase();
    holds = (value) => (Array.isArray(value) ? value.some((entry) => equals(entry, pattern)) : equals(value, pattern));
  }
  return negated ? (value) => !holds(value) : holds;
}

const isInteger = (text: string) => /^-?\d{1,16}$/.test(text);

function equals(value: unknown, pattern: string): boolean {
  return (
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
    wildcardMatch(String(value).toLowerCase(), pattern)
  );
}

/** `*` matches any run of characters; greedy with backtracking to the last star, so O(text × pattern) at worst, never exponential. */
export function wildcardMatch(text: string, pattern: string): boolean {
  let t = 0;
  let p = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      t++;
      p++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Numbers compare as numbers, anything else as case-insensitive text; no value never compares. */
function compares(value: unknown, operator: string, operand: string): boolean {
  let order: number;
  if (typeof value === 'number' && Number.isFinite(Number(operand))) order = Math.sign(value - Number(operand));
  else if (typeof value === 'string') order = ordinal(value.toLowerCase(), operand.toLowerCase());
  else return false;
  return operator === '<' ? order < 0 : operator === '>' ? order > 0 : operator === '<=' ? order <= 0 : order >= 0;
}
