import { randomBytes } from 'node:crypto';
import { appendPage, startBackupFile, storedItems } from '#scripts/backup/pages';
import { parseFixtures } from '#shared/store/fixtures';

const ATTEMPTS = 5;
/**
 * Roots per page by default: the export's own default. A page reads each root's partitions side by
 * side (about three round trips a root), so 500 roots of stocked products take close to API
 * Gateway's 29 seconds on a busy table; 100 keep a page well inside it.
 */
export const PAGE_LIMIT = 100;
/** The export's largest page. */
export const MAX_PAGE_LIMIT = 500;

/**
 * Reads every page of GET /admin/catalog into the file, one line each, with a running count on
 * `progress` (stderr). Returns the pages and stored items written.
 */
export async function backupThroughApi(options: {
  apiUrl: string;
  token: string;
  file: string;
  limit?: number;
  progress?: NodeJS.WriteStream;
}): Promise<{ pages: number; items: number }> {
  const url = new URL('admin/catalog', options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`);
  return writePages(options.file, options.progress ?? process.stderr, url.origin, async (cursor) => {
    url.search = new URLSearchParams({ limit: String(options.limit ?? PAGE_LIMIT), ...(cursor ? { cursor } : {}) }).toString();
    return fetchPage(url, options.token);
  });
}

/** Reads page after page into the file, one line each, with a running count on `progress`. */
async function writePages(
  file: string,
  progress: NodeJS.WriteStream,
  from: string,
  page: (cursor: string | null) => Promise<{ catalog: unknown; nextCursor: string | null }>,
): Promise<{ pages: number; items: number }> {
  startBackupFile(file);
  const started = Date.now();
  let cursor: string | null = null;
  let pages = 0;
  let items = 0;
  progress.write(`Exporting from ${from} to ${file}\n`);
  do {
    const body = await page(cursor);
    // Checked as the import will check it: a page that would not restore is found now, not then.
    items += storedItems(parseFixtures(body.catalog));
    appendPage(file, body.catalog);
    pages += 1;
    cursor = body.nextCursor;
    const rate = Math.round(items / Math.max((Date.now() - started) / 1000, 0.001));
    const line = `${pages} page(s), ${items} stored items (${rate}/s)`;
    if (progress.isTTY) progress.write(`\r${line}`);
    else if (pages % 10 === 1 || cursor === null) progress.write(`${line}\n`);
  } while (cursor);
  if (progress.isTTY) progress.write('\n');
  return { pages, items };
}

async function fetchPage(url: URL, token: string): Promise<{ catalog: unknown; nextCursor: string | null }> {
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    } catch (error) {
      if (attempt >= ATTEMPTS) throw new Error(`Cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response?.ok) return (await response.json()) as { catalog: unknown; nextCursor: string | null };
    if (response && (response.status < 500 || attempt >= ATTEMPTS)) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      throw new Error(`The export was refused (HTTP ${response.status}): ${problem.detail ?? response.statusText}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Number(response?.headers.get('retry-after') ?? 1) * 1000 * attempt));
  }
}

/**
 * The same pages read straight from a table (TABLE_NAME, DYNAMODB_ENDPOINT, the shell's AWS
 * credentials), e.g. one restored to a point in time that no API serves: the export's own code,
 * in this process. Its cursors live only as long as the run, so a key of the run's own seals them.
 */
export async function backupFromTable(options: {
  tenantId: string;
  file: string;
  limit?: number;
  progress?: NodeJS.WriteStream;
}): Promise<{ pages: number; items: number }> {
  process.env.CURSOR_KEY ??= randomBytes(32).toString('hex');
  const [{ exportCatalog }, { catalogExportStore }, { exportResponse }] = await Promise.all([
    import('#shared/domain/catalogExport'),
    import('#shared/store/catalogExport'),
    import('#functions/admin/dialect/catalogExport'),
  ]);
  return writePages(options.file, options.progress ?? process.stderr, `table ${process.env.TABLE_NAME}`, async (cursor) =>
    exportResponse(
      await exportCatalog(catalogExportStore, options.tenantId, { limit: options.limit ?? PAGE_LIMIT, ...(cursor ? { cursor } : {}) }),
    ),
  );
}
