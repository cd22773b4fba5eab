/**
 * `npm run eval:summary -- FILE.jsonl`: builds an archive from the records (id, title, text,
 * summary) in a temp folder, loads it with the real loader, summarizes every article with 3
 * sentences and prints ROUGE-1/2/L F1 against the reference summaries, with Lead-3 (the
 * first three body sentences) scored in the same run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadArchive } from '../src/archive/load.js';
import { candidatesOf } from '../src/summary/features.js';
import { summarize } from '../src/summary/summarize.js';
import { rouge, type RougeScores } from './rouge.js';

interface SummaryRecord {
  id: string;
  title: string;
  date: string | null;
  text: string;
  summary: string;
}

function isRecord(r: unknown): r is SummaryRecord {
  if (!r || typeof r !== 'object') return false;
  const o: Record<string, unknown> = { ...r };
  return typeof o.id === 'string' && typeof o.title === 'string' && typeof o.text === 'string' && typeof o.summary === 'string';
}

function readRecords(path: string): SummaryRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const r: unknown = JSON.parse(line);
      if (!isRecord(r)) throw new Error(`eval-summary: line ${i + 1} lacks a string id, title, text or summary`);
      return r;
    });
}

function writeArchive(dir: string, records: SummaryRecord[]): void {
  for (const r of records) {
    const front: Record<string, string> = { title: r.title };
    if (r.date) front.date = r.date;
    writeFileSync(join(dir, `${r.id.replace(/[^\w.-]/g, '_')}.txt`), `---\n${stringify(front)}---\n${r.text}\n`);
  }
}

const mean = (xs: RougeScores[]): RougeScores => {
  const n = Math.max(xs.length, 1);
  return {
    rouge1: xs.reduce((s, x) => s + x.rouge1, 0) / n,
    rouge2: xs.reduce((s, x) => s + x.rouge2, 0) / n,
    rougeL: xs.reduce((s, x) => s + x.rougeL, 0) / n,
  };
};

function main(argv: string[]): void {
  const path = argv[0];
  if (!path) {
    console.error('usage: npm run eval:summary -- FILE.jsonl');
    process.exit(1);
  }
  const records = readRecords(path);
  const dir = mkdtempSync(join(tmpdir(), 'eval-summary-'));
  try {
    writeArchive(dir, records);
    const archive = loadArchive(dir);
    const reference = new Map(records.map((r) => [r.id.replace(/[^\w.-]/g, '_'), r.summary]));
    const ours: RougeScores[] = [];
    const lead: RougeScores[] = [];
    let firstKept = 0;
    let positions = 0;
    const t0 = performance.now();
    for (const article of archive.articles) {
      const ref = reference.get(article.id);
      if (ref === undefined) continue;
      const summary = summarize(article, { sentences: 3 });
      if (summary.sentences[0]?.index === 0) firstKept++;
      positions += summary.sentences.reduce((n, s) => n + s.index, 0) / Math.max(summary.sentences.length, 1);
      ours.push(rouge(summary.sentences.map((s) => s.text).join(' '), ref));
      lead.push(rouge(candidatesOf(article).slice(0, 3).map((c) => c.text).join(' '), ref));
    }
    const ms = performance.now() - t0;
    const a = mean(ours);
    const b = mean(lead);
    const f = (x: number): string => x.toFixed(4);
    console.log(`articles: ${ours.length} (${archive.warnings.filter((w) => !w.message.includes('date')).length} load warnings besides dates)`);
    console.log(`            ROUGE-1  ROUGE-2  ROUGE-L`);
    console.log(`summarizer  ${f(a.rouge1)}   ${f(a.rouge2)}   ${f(a.rougeL)}`);
    console.log(`Lead-3      ${f(b.rouge1)}   ${f(b.rouge2)}   ${f(b.rougeL)}`);
    console.log(`ratio       ${(a.rouge1 / b.rouge1).toFixed(3)}    ${(a.rouge2 / b.rouge2).toFixed(3)}    ${(a.rougeL / b.rougeL).toFixed(3)}`);
    console.log(`first sentence kept in ${((100 * firstKept) / Math.max(ours.length, 1)).toFixed(1)}% of summaries; mean sentence position ${(positions / Math.max(ours.length, 1)).toFixed(2)}`);
    console.log(`(scoring both: ${ms.toFixed(0)} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
