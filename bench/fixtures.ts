import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes archive files (id → text) into a fresh temp folder and returns its path. */
export function writeTempArchive(prefix: string, files: Iterable<[id: string, text: string]>): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const [id, text] of files) {
    const path = join(dir, `${id.replace(/[^\w./-]+/g, '_')}.txt`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export const median = (xs: readonly number[]): number => percentile([...xs].sort((a, b) => a - b), 50);
