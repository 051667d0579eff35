import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { parseFixtures } from '#shared/store/fixtures';
import type { ParsedFixtures } from '#shared/fixtures/format';

/**
 * A backup file: one export page per line (JSON Lines), each a document PUT /admin/catalog takes
 * back as it is. A line is written once its page is read, so an interrupted backup keeps its pages.
 */
export type BackupPage = ParsedFixtures;

export const startBackupFile = (file: string) => writeFileSync(file, '');
export const appendPage = (file: string, page: unknown) => appendFileSync(file, `${JSON.stringify(page)}\n`);

/** The file's pages, each checked as an import document (a broken line is named by its number). */
export function readBackupFile(file: string): BackupPage[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error(`${file} holds no page: is it a file written by npm run backup?`);
  return lines.map((line, i) => {
    try {
      const document = parseFixtures(JSON.parse(line));
      if (!document.tenants[0]?.restore) throw new Error('it is not a page of an export (no restore member)');
      return document;
    } catch (error) {
      throw new Error(`${file}, line ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** The number of stored items of a page: what a restore writes. */
export const storedItems = (document: ParsedFixtures) =>
  document.tenants.reduce((sum, tenant) => sum + tenant.stored.reduce((n, group) => n + group.items.length, 0), 0);
