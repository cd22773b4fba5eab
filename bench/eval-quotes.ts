// Direct-quote extraction and speaker attribution measured on JSONL files of annotated articles.
//
//   npm run eval:quotes -- ../shared/data/quotes/ggt-dev.jsonl ../shared/data/quotes/polnear-dev.jsonl [--errors]
//
// For each file: direct-quote precision, recall and F1, and speaker accuracy: over matched gold
// quotes for ggt-style files (full names), over matched quotes whose mention names someone for
// PolNeAR-style files (see bench/quote-gold.ts). --errors lists wrong speakers, false positives and
// missed quotes (40 of each; EVAL_SHOW=N for N).
//
// Matching is span-based (coverQuotes in bench/quote-gold.ts), the same rule for every file: a gold
// `quotes` entry is found when one predicted quote covers ≥ 80% of its tokens, so one extracted
// multi-sentence quote may find several gold sentences; a prediction is right when the gold quotes
// it found plus the `other_quotes` (partial/indirect) text it covers make up ≥ 50% of its tokens,
// else it is a false positive. Predictions covering only `other_quotes` count neither way.
// Recall = found / gold, precision = right / (right + false positives). The older one-to-one rule
// (each prediction pairs with at most one gold quote) is printed too, for comparison.

import { attributeArticle } from '../src/quotes/attribute.js';
import { coverQuotes, judgeSpeaker, matchQuotes, readGoldSet, type GoldSet } from './quote-gold.js';

const args = process.argv.slice(2);
const paths = args.filter((a) => !a.startsWith('--'));
if (paths.length === 0) {
  console.error('usage: npm run eval:quotes -- FILE.jsonl [FILE.jsonl …] [--errors]');
  process.exit(1);
}
const showErrors = args.includes('--errors');

interface Score {
  tp: number;
  /** Right predictions (differs from tp, the found gold quotes, under span matching). */
  rightPreds: number;
  fp: number;
  fn: number;
  judged: number;
  speakerOk: number;
  errors: string[];
  fpList: string[];
  fnList: string[];
}

const clip = (s: string): string => (s.length > 70 ? `${s.slice(0, 67)}…` : s);

function score(set: GoldSet, kinds: ReadonlySet<string>): Score {
  const sc: Score = { tp: 0, rightPreds: 0, fp: 0, fn: 0, judged: 0, speakerOk: 0, errors: [], fpList: [], fnList: [] };
  for (const { article, gold } of set.articles) {
    const preds = attributeArticle(article.paragraphs).filter((q) => kinds.has(q.kind));
    const { matches, missed } = matchQuotes(preds, gold);
    for (const m of matches) {
      if (m.gold) {
        sc.tp++;
        sc.rightPreds++;
        const j = judgeSpeaker(set, m.gold, m.pred.speaker);
        if (!j.counts) continue;
        sc.judged++;
        if (j.right) sc.speakerOk++;
        else sc.errors.push(`${article.id} ¶${m.pred.paragraph} "${clip(m.pred.text)}" → predicted ${m.pred.speaker ?? 'null'} (${m.pred.kind}), gold ${m.gold.speaker ?? 'null'}`);
      } else if (!m.other) {
        sc.fp++;
        sc.fpList.push(`${article.id} ¶${m.pred.paragraph} [${m.pred.kind}] "${clip(m.pred.text)}"`);
      }
    }
    for (const g of missed) {
      sc.fn++;
      sc.fnList.push(`${article.id} "${clip(g.text)}" (${g.speaker ?? 'null'})`);
    }
  }
  return sc;
}

function scoreSpans(set: GoldSet, kinds: ReadonlySet<string>): Score {
  const sc: Score = { tp: 0, rightPreds: 0, fp: 0, fn: 0, judged: 0, speakerOk: 0, errors: [], fpList: [], fnList: [] };
  for (const { article, gold } of set.articles) {
    const preds = attributeArticle(article.paragraphs).filter((q) => kinds.has(q.kind));
    const { covers, missed } = coverQuotes(preds, gold);
    for (const c of covers) {
      if (c.golds.length > 0) sc.rightPreds++;
      else if (!c.neutral) {
        sc.fp++;
        sc.fpList.push(`${article.id} ¶${c.pred.paragraph} [${c.pred.kind}] "${clip(c.pred.text)}"`);
      }
      for (const g of c.golds) {
        sc.tp++;
        const j = judgeSpeaker(set, g, c.pred.speaker);
        if (!j.counts) continue;
        sc.judged++;
        if (j.right) sc.speakerOk++;
        else sc.errors.push(`${article.id} ¶${c.pred.paragraph} "${clip(c.pred.text)}" → predicted ${c.pred.speaker ?? 'null'} (${c.pred.kind}), gold ${g.speaker ?? 'null'}`);
      }
    }
    for (const g of missed) {
      sc.fn++;
      sc.fnList.push(`${article.id} "${clip(g.text)}" (${g.speaker ?? 'null'})`);
    }
  }
  return sc;
}

function report(label: string, set: GoldSet, sc: Score): void {
  const p = sc.rightPreds / Math.max(1, sc.rightPreds + sc.fp);
  const r = sc.tp / Math.max(1, sc.tp + sc.fn);
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  const acc = sc.speakerOk / Math.max(1, sc.judged);
  const what = set.mentions ? 'named-speaker accuracy' : 'speaker accuracy';
  console.log(`${label}: precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  (found ${sc.tp}, right ${sc.rightPreds}, fp ${sc.fp}, fn ${sc.fn})  ${what} ${acc.toFixed(3)} (${sc.speakerOk}/${sc.judged})`);
}

for (const path of paths) {
  const set = readGoldSet(path);
  const t0 = performance.now();
  const direct = scoreSpans(set, new Set(['direct']));
  const elapsed = performance.now() - t0;
  const shown = scoreSpans(set, new Set(['direct', 'partial']));
  const pairwise = score(set, new Set(['direct']));
  console.log(`\n${set.name}: ${set.articles.length} articles, ${set.articles.reduce((n, a) => n + a.gold.quotes.length, 0)} gold direct quotes`);
  report('  direct quotes          ', set, direct);
  report('  direct + partial quotes', set, shown);
  report('  direct, one-to-one rule', set, pairwise);
  console.log(`  extraction + attribution: ${elapsed.toFixed(0)} ms`);
  if (showErrors) {
    const n = Number(process.env.EVAL_SHOW ?? 40);
    console.log(`\n  speaker errors (${direct.errors.length}):`);
    for (const e of direct.errors.slice(0, n)) console.log(`    ${e}`);
    console.log(`\n  false positives (${direct.fpList.length}):`);
    for (const e of direct.fpList.slice(0, n)) console.log(`    ${e}`);
    console.log(`\n  missed (${direct.fnList.length}):`);
    for (const e of direct.fnList.slice(0, n)) console.log(`    ${e}`);
  }
}
