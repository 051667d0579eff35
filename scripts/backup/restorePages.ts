import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { storedItems, type BackupPage } from '#scripts/backup/pages';
import { BYTES_PER_CHUNK, send } from '#scripts/seed/api';
import { chunkFixtures, originalPath } from '#scripts/seed/chunks';
import { createProgressBar } from '#scripts/seed/progress';
import type { ImportReport, ImportResult } from '#shared/domain/catalogImport';

/** Where a restore has got to: the next request to send. Kept beside the file until the restore ends. */
interface Checkpoint {
  exportId: string;
  tenantId: string;
  page: number;
  chunk: number;
}

/**
 * Imports the pages, each in requests within the import's limits, into `tenantId` (the token's),
 * one after another. After each request the checkpoint file names the next, so a restore run
 * again skips what was sent; a request sent again after a lost answer (same Idempotency-Key, and
 * every stored item written only where its key is free) writes nothing twice. Returns the summary
 * and the refused entries, with their paths in the file (`page N: tenants[0]...`).
 */
export async function restoreThroughApi(
  pages: BackupPage[],
  options: { apiUrl: string; token: string; tenantId: string; checkpoint: string; progress?: NodeJS.WriteStream },
): Promise<{ summary: ImportReport['summary']; refused: ImportResult[]; resumedAt?: { page: number; chunk: number } }> {
  const url = new URL('admin/catalog', options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`);
  const exportId = pages[0]!.tenants[0]!.restore!.exportId;
  const plan = pages.map((page) =>
    chunkFixtures({ ...page, tenants: [{ ...page.tenants[0]!, id: options.tenantId }] }, { bytes: BYTES_PER_CHUNK }),
  );
  const saved = readCheckpoint(options.checkpoint);
  const start = saved && saved.exportId === exportId && saved.tenantId === options.tenantId ? saved : { page: 0, chunk: 0 };
  const total = pages.reduce((sum, page) => sum + storedItems(page), 0);
  const progress = createProgressBar(
    options.progress ?? process.stderr,
    total,
    `Restoring ${total} stored items in ${pages.length} page(s) to tenant ${options.tenantId} at ${url.origin}` +
      (start.page > 0 || start.chunk > 0 ? ` (resuming at page ${start.page + 1})` : ''),
  );
  const summary: ImportReport['summary'] = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  const refused: ImportResult[] = [];
  for (const [p, chunks] of plan.entries()) {
    for (const [c, chunk] of chunks.entries()) {
      const stored = storedItems(chunk.document);
      if (p < start.page || (p === start.page && c < start.chunk)) {
        progress.update(stored);
        continue;
      }
      const key = `restore-${exportId}-${p}-${c}`;
      const report = await send(url, options.token, key, JSON.stringify(chunk.document));
      for (const result of report.results) {
        summary[result.result] += 1;
        if (result.result === 'refused') refused.push({ ...result, path: `page ${p + 1}: ${originalPath(result.path, chunk.origin)}` });
      }
      const next = c + 1 < chunks.length ? { page: p, chunk: c + 1 } : { page: p + 1, chunk: 0 };
      writeFileSync(options.checkpoint, JSON.stringify({ exportId, tenantId: options.tenantId, ...next } satisfies Checkpoint));
      progress.update(stored);
    }
  }
  progress.done();
  rmSync(options.checkpoint, { force: true });
  return { summary, refused, ...(start.page > 0 || start.chunk > 0 ? { resumedAt: start } : {}) };
}

function readCheckpoint(file: string): Checkpoint | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<Checkpoint>;
    const valid =
      typeof saved.exportId === 'string' &&
      typeof saved.tenantId === 'string' &&
      Number.isInteger(saved.page) &&
      Number.isInteger(saved.chunk);
    return valid ? (saved as Checkpoint) : undefined;
  } catch {
    return undefined;
  }
}
