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
import { splitSentences } from '../src/text/sentences.js';

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

/** The suffix of a set's re-laid copy (see relaid). */
export const RELAID = ' (re-laid)';

/**
 * A flattened article (one body paragraph, as the public CNN/DailyMail text has it) cut into
 * paragraphs of two sentences, in a set of its own; null for an article with paragraphs. The
 * model reads a flattened layout as "no structure: stay near the lead"; trained only on
 * flattened CNN/DailyMail it took paragraphs for BBC's style, and the same CNN/DailyMail
 * articles fell to 0.85× Lead-3 once they had paragraphs. With the copies, paragraphed news of
 * either kind is summarised by one compromise. The id stays the same, so an article and its
 * copy always fall in the same fold.
 */
export function relaid(example: Example): Example | null {
  const { article } = example;
  const first = article.headline ? 1 : 0;
  const body = article.paragraphs.slice(first);
  if (body.length !== 1) return null;
  const sentences = splitSentences(body[0] ?? '').map((s) => s.text);
  if (sentences.length < 4) return null;
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 2) paragraphs.push(sentences.slice(i, i + 2).join(' '));
  return { set: `${example.set}${RELAID}`, article: { ...article, paragraphs: [...article.paragraphs.slice(0, first), ...paragraphs] }, reference: example.reference };
}
