// Direct-quote extraction and speaker attribution measured on a JSONL file of annotated articles.
//
//   npm run eval:quotes -- ../shared/data/quotes/ggt-dev.jsonl [--errors]
//
// --errors lists wrong speakers, false positives and missed quotes (40 of each; EVAL_SHOW=N for N).
// The first line scores the extractor's direct quotes, as the issue asks; the second also counts
// the partial quotes it shows, for reference.
//
// Each record ({id, date, text, quotes, other_quotes}) is written as an archive file in a temp
// folder and loaded with the real loader. A predicted quote matches a gold `quotes` entry of the
// same article when the shared tokens cover ≥ 80% of the gold quote and ≥ 50% of the prediction;
// predictions matching an `other_quotes` entry count neither way. Speaker accuracy: over matched
// gold quotes, exact match of the full name after normalising case, punctuation and diacritics.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive } from '../src/archive/load.js';
import { attributeArticle, type AttributedQuote } from '../src/quotes/attribute.js';
import { foldName } from '../src/quotes/names.js';

interface GoldQuote {
  text: string;
  speaker: string | null;
}
interface Rec {
  id: string;
  date?: string;
  text: string;
  quotes: GoldQuote[];
  other_quotes?: GoldQuote[];
}

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  console.error('usage: npm run eval:quotes -- FILE.jsonl [--errors]');
  process.exit(1);
}
const showErrors = args.includes('--errors');

const records: Rec[] = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Rec);

const dir = mkdtempSync(join(tmpdir(), 'eval-quotes-'));
const byId = new Map<string, Rec>();
records.forEach((r, i) => {
  const id = `${String(i).padStart(4, '0')}_${r.id.replace(/[^\w-]+/g, '_')}`;
  byId.set(id, r);
  writeFileSync(join(dir, `${id}.txt`), `date ${r.date ?? ''}\n\n${r.text}`);
});
const archive = loadArchive(dir);
rmSync(dir, { recursive: true, force: true });

const tokens = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

function shared(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let n = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      n++;
      counts.set(t, c - 1);
    }
  }
  return n;
}

const matches = (pred: readonly string[], gold: readonly string[]): number => {
  if (pred.length === 0 || gold.length === 0) return 0;
  const s = shared(pred, gold);
  return s / gold.length >= 0.8 && s / pred.length >= 0.5 ? s : 0;
};

interface Score {
  tp: number;
  fp: number;
  fn: number;
  speakerOk: number;
  errors: string[];
  fpList: string[];
  fnList: string[];
}

function score(kinds: ReadonlySet<string>): Score {
  const sc: Score = { tp: 0, fp: 0, fn: 0, speakerOk: 0, errors: [], fpList: [], fnList: [] };
  for (const article of archive.articles) {
    const rec = byId.get(article.id);
    if (!rec) continue;
    const preds = attributeArticle(article.paragraphs).filter((q) => kinds.has(q.kind));
    const gold = rec.quotes.map((g) => ({ g, toks: tokens(g.text), used: false }));
    const other = (rec.other_quotes ?? []).map((g) => tokens(g.text));
    for (const p of preds) {
      const pt = tokens(p.text);
      let best: (typeof gold)[number] | null = null;
      let bestShared = 0;
      for (const g of gold) {
        if (g.used) continue;
        const s = matches(pt, g.toks);
        if (s > bestShared) {
          bestShared = s;
          best = g;
        }
      }
      if (best) {
        best.used = true;
        sc.tp++;
        if (speakerMatches(p, best.g)) sc.speakerOk++;
        else sc.errors.push(`${article.id} ¶${p.paragraph} "${clip(p.text)}" → predicted ${p.speaker ?? 'null'} (${p.kind}), gold ${best.g.speaker ?? 'null'}`);
      } else if (other.some((o) => matches(pt, o) > 0)) {
        // an indirect or partial quote of the annotation: neither right nor wrong
      } else {
        sc.fp++;
        sc.fpList.push(`${article.id} ¶${p.paragraph} [${p.kind}] "${clip(p.text)}"`);
      }
    }
    for (const g of gold) {
      if (!g.used) {
        sc.fn++;
        sc.fnList.push(`${article.id} "${clip(g.g.text)}" (${g.g.speaker ?? 'null'})`);
      }
    }
  }
  return sc;
}

const norm = (s: string | null): string => (s === null ? '' : foldName(s));
const speakerMatches = (p: AttributedQuote, g: GoldQuote): boolean => norm(p.speaker) === norm(g.speaker);
const clip = (s: string): string => (s.length > 70 ? `${s.slice(0, 67)}…` : s);

function report(label: string, sc: Score): void {
  const p = sc.tp / Math.max(1, sc.tp + sc.fp);
  const r = sc.tp / Math.max(1, sc.tp + sc.fn);
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  const acc = sc.speakerOk / Math.max(1, sc.tp);
  console.log(`${label}: precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${sc.tp}, fp ${sc.fp}, fn ${sc.fn})  speaker accuracy ${acc.toFixed(3)} (${sc.speakerOk}/${sc.tp})`);
}

const t0 = performance.now();
const direct = score(new Set(['direct']));
const elapsed = performance.now() - t0;
const shown = score(new Set(['direct', 'partial']));
console.log(`${archive.articles.length} articles, ${records.reduce((n, r) => n + r.quotes.length, 0)} gold direct quotes`);
report('direct quotes          ', direct);
report('direct + partial quotes', shown);
console.log(`extraction + attribution: ${elapsed.toFixed(0)} ms`);
if (showErrors) {
  const n = Number(process.env.EVAL_SHOW ?? 40);
  console.log(`\nspeaker errors (${direct.errors.length}):`);
  for (const e of direct.errors.slice(0, n)) console.log(`  ${e}`);
  console.log(`\nfalse positives (${direct.fpList.length}):`);
  for (const e of direct.fpList.slice(0, n)) console.log(`  ${e}`);
  console.log(`\nmissed (${direct.fnList.length}):`);
  for (const e of direct.fnList.slice(0, n)) console.log(`  ${e}`);
}
