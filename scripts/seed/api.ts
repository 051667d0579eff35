import { randomUUID } from 'node:crypto';
import { IMPORT_MAX_BODY_BYTES } from '#functions/admin/importCatalog/contract';
import { chunkFixtures, originalPath } from '#scripts/seed/chunks';
import { createProgressBar } from '#scripts/seed/progress';
import type { ImportReport, ImportResult } from '#shared/domain/catalogImport';
import type { ParsedFixtures } from '#shared/fixtures/format';

/** Room left in each request for what JSON escaping may add. */
export const BYTES_PER_CHUNK = Math.floor(IMPORT_MAX_BODY_BYTES * 0.9);
const ATTEMPTS = 5;

/**
 * Imports the fixtures through PUT /admin/catalog, one chunk after another. Each chunk
 * has its own Idempotency-Key, so a chunk retried after a lost answer runs once. Prints
 * a progress bar (on a terminal) and a summary; returns how many entries were refused.
 */
export async function importThroughApi(
  fixtures: ParsedFixtures,
  options: { apiUrl: string; token: string; out?: NodeJS.WriteStream },
): Promise<number> {
  const out = options.out ?? process.stdout;
  const chunks = chunkFixtures(fixtures, { bytes: BYTES_PER_CHUNK });
  const total = chunks.reduce((sum, chunk) => sum + chunk.entries, 0);
  const url = new URL('admin/catalog', options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`);
  const run = randomUUID();
  const progress = createProgressBar(out, total, `Importing ${total} entries in ${chunks.length} request(s) to ${url.origin}`);
  const summary: ImportReport['summary'] = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  const refused: ImportResult[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const report = await send(url, options.token, `seed-${run}-${index}`, JSON.stringify(chunk.document));
    for (const result of report.results) {
      summary[result.result] += 1;
      if (result.result === 'refused') refused.push({ ...result, path: originalPath(result.path, chunk.origin) });
    }
    progress.update(report.results.length);
  }
  progress.done();
  out.write(
    `Imported: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.refused} refused.\n`,
  );
  for (const result of refused) out.write(`  refused ${result.path} (${result.entity} ${result.id}): ${result.reason}\n`);
  return summary.refused;
}

/** PUT /admin/catalog with the chunk, retried (same Idempotency-Key) after a fault or a lost answer. */
export async function send(url: URL, token: string, idempotencyKey: string, body: string): Promise<ImportReport> {
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body,
      });
    } catch (error) {
      if (attempt >= ATTEMPTS) throw new Error(`Cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response?.ok) return (await response.json()) as ImportReport;
    // A server fault, or the same chunk still running after a lost answer: wait and send it again.
    const retryable = response === undefined || response.status >= 500 || response.status === 409;
    if (response && (!retryable || attempt >= ATTEMPTS)) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { path: string; message: string }[] };
      const details = (problem.errors ?? []).map((error) => `\n  ${error.path}: ${error.message}`).join('');
      throw new Error(`The import was refused (HTTP ${response.status}): ${problem.detail ?? response.statusText}${details}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Number(response?.headers.get('retry-after') ?? 1) * 1000 * attempt));
  }
}
