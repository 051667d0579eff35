import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { inBatches } from '#shared/domain/concurrency';
import { documentClient, tableName } from '#shared/store/client';
import { ENTITY, TABLE, type EntityType } from '#shared/store/table';

type Item = Record<string, unknown>;

/** What one step did to one item. */
export type Outcome = 'migrated' | 'already' | 'left';

/**
 * One change of layout: the item types it reads and what it does to one of them. It must be
 * safe to run again (an item already in the new layout answers 'already') and safe beside
 * live traffic (its writes are conditional on what it read, and retried when that changed).
 */
export interface MigrationStep {
  name: string;
  types: readonly EntityType[];
  migrate(item: Item): Promise<Outcome>;
}

export interface MigrationReport {
  step: string;
  counts: Record<Outcome, number>;
  /** Items the step could not place, with the reason (e.g. stock of a variant that no longer exists). */
  left: string[];
}

/** Parallel scan segments; each keeps its own checkpoint. */
const SEGMENTS = 4;
const IN_FLIGHT = 8;

export interface RunOptions {
  /** Items scanned per page (a checkpoint is saved after each). */
  pageSize?: number;
  /** Stops after the pages in flight, as an interrupted run would: the next run resumes from the checkpoints. */
  signal?: AbortSignal;
  onPage?: (step: string, items: number) => void;
}

/**
 * Runs each step over the whole table: a Scan in segments (the one place a Scan is right: a
 * migration reads everything once), with each segment's position saved after every page in a
 * checkpoint item outside every tenant (`MIGRATION#<step>`), so an interrupted run resumes
 * where it stopped and a finished step is not run again.
 */
export async function runMigration(steps: readonly MigrationStep[], options: RunOptions = {}) {
  const reports: MigrationReport[] = [];
  for (const step of steps) {
    if (options.signal?.aborted) break;
    const report: MigrationReport = { step: step.name, counts: { migrated: 0, already: 0, left: 0 }, left: [] };
    await Promise.all(Array.from({ length: SEGMENTS }, (_, segment) => runSegment(step, segment, report, options)));
    reports.push(report);
  }
  return reports;
}

/** Where a step keeps each scan segment's position: all of them `done` means the step has run over the whole table. */
export const checkpointKeys = (stepName: string) =>
  Array.from({ length: SEGMENTS }, (_, segment) => ({
    [TABLE.partitionKey]: `MIGRATION#${stepName}`,
    [TABLE.sortKey]: `SEGMENT#${segment}`,
  }));

async function runSegment(step: MigrationStep, segment: number, report: MigrationReport, options: RunOptions) {
  const checkpointKey = checkpointKeys(step.name)[segment]!;
  const { Item: checkpoint } = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: checkpointKey, ConsistentRead: true }),
  );
  if (checkpoint?.done === true) return;
  let start = typeof checkpoint?.position === 'string' ? (JSON.parse(checkpoint.position) as Item) : undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({
        TableName: tableName(),
        Segment: segment,
        TotalSegments: SEGMENTS,
        Limit: options.pageSize ?? 200,
        ConsistentRead: true,
        FilterExpression: `#type IN (${step.types.map((_, i) => `:t${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#type': TABLE.typeAttribute },
        ExpressionAttributeValues: Object.fromEntries(step.types.map((type, i) => [`:t${i}`, type])),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const items = (page.Items ?? []) as Item[];
    const outcomes = await inBatches(items, IN_FLIGHT, async (item) => {
      try {
        return await step.migrate(item);
      } catch (error) {
        report.left.push(`${String(item.pk)} / ${String(item.sk)}: ${error instanceof Error ? error.message : String(error)}`);
        return 'left' as const;
      }
    });
    for (const outcome of outcomes) report.counts[outcome] += 1;
    start = page.LastEvaluatedKey as Item | undefined;
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...checkpointKey,
          [TABLE.typeAttribute]: ENTITY.MigrationCheckpoint,
          done: start === undefined,
          ...(start ? { position: JSON.stringify(start) } : {}),
        },
      }),
    );
    options.onPage?.(step.name, items.length);
  } while (start && !options.signal?.aborted);
}
