/**
 * The summary development sets (JSON lines: id, title or null, text, summary) read into
 * articles by the real loader, for eval:summary and train:summary.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stringify } from 'yaml';
import { loadArchive } from '../src/archive/load.js';
import type { Article } from '../src/archive/types.js';

export interface SummaryRecord {
  id: string;
  title: string | null;
  text: string;
  summary: string;
}

/** An article with its reference summary and the set it came from. */
export interface Example {
  set: string;
  article: Article;
  reference: string;
}

function isRecord(r: unknown): r is SummaryRecord {
  if (!r || typeof r !== 'object') return false;
  const o: Record<string, unknown> = { ...r };
  return typeof o.id === 'string' && (typeof o.title === 'string' || o.title === null || o.title === undefined) && typeof o.text === 'string' && typeof o.summary === 'string';
}

export function readRecords(path: string): SummaryRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      let r: unknown;
      try {
        r = JSON.parse(line);
      } catch {
        throw new Error(`${path}: line ${i + 1} is not JSON`);
      }
      if (!isRecord(r)) throw new Error(`${path}: line ${i + 1} lacks a string id, text or summary`);
      return { id: r.id, title: r.title ?? null, text: r.text, summary: r.summary };
    });
}

const fileId = (id: string): string => id.replace(/[^\w.-]/g, '_');

/** Writes the records as archive files, loads them with the real loader, and pairs them up. */
export function loadExamples(path: string): Example[] {
  const records = readRecords(path);
  const set = basename(path).replace(/\.jsonl$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'summary-set-'));
  try {
    for (const r of records) {
      const front: Record<string, string> = {};
      if (r.title) front.title = r.title;
      const head = Object.keys(front).length ? `---\n${stringify(front)}---\n` : '';
      writeFileSync(join(dir, `${fileId(r.id)}.txt`), `${head}${r.text}\n`);
    }
    const byId = new Map(loadArchive(dir).articles.map((a) => [a.id, a]));
    return records.flatMap((r) => {
      const article = byId.get(fileId(r.id));
      return article ? [{ set, article, reference: r.summary }] : [];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
