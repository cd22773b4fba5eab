// Speaker accuracy on hand-labelled news (bench/news-labels.ts): BBC and Reuters articles labelled
// blind, read from the corpus folders, attribution's quotes (direct and partial) matched to labels by key.
//
//   npx tsx bench/eval-news-labels.ts bench/speaker-labels --corpora ../shared/data/corpus [--weights FILE] [--agree bench/speaker-labels/overlap] [--errors]
//
// Prints right/judged with a Wilson 95% interval per corpus and per label type (skip labels are not
// counted; a label whose key no extracted quote has is counted apart as "unmatched"). --weights
// scores a trained weights file and compares it quote by quote with the committed weights (right→wrong,
// wrong→right); the committed weights are trained on bench/speaker-labels since session 24, so on those
// labels both their figure and the paired one are in sample. --agree PATH (repeatable): a second reader's labels of some of the same articles, compared with
// the first reader's (same type, and the same speaker as the judge reads it), by the first reader's type.

import { readFileSync } from 'node:fs';
import { attributeArticle } from '../src/quotes/attribute.js';
import { DEFAULT_WEIGHTS, FEATURES, parseWeights, type SpeakerWeights } from '../src/quotes/ranker.js';
import { judgeLabel, labelsAgree, LABEL_TYPES, loadNews, quoteKey, readNewsLabels, wilson, type NewsArticle } from './news-labels.js';

const usage = 'usage: npx tsx bench/eval-news-labels.ts LABELS(.jsonl|DIR)… --corpora CORPORA_DIR [--weights FILE] [--agree FILE|DIR]… [--errors]';
const argv = process.argv.slice(2);
const valueFlags = new Set(['--corpora', '--weights', '--agree']);
const paths: string[] = [];
const agree: string[] = [];
let corpora: string | undefined;
let weightsPath: string | undefined;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i] ?? '';
  if (valueFlags.has(a)) {
    const v = argv[++i];
    if (a === '--corpora') corpora = v;
    else if (a === '--weights') weightsPath = v;
    // One path per --agree (repeatable): a label path after it stays a label path.
    else if (v !== undefined) agree.push(v);
  } else if (a === '--errors') continue;
  else if (a.startsWith('--')) {
    console.error(`unknown flag ${a}\n${usage}`);
    process.exit(1);
  } else paths.push(a);
}
if (paths.length === 0 || !corpora) {
  console.error(usage);
  process.exit(1);
}

function readWeights(path: string): SpeakerWeights {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { weights?: Record<string, number> };
  return parseWeights({ ...json, weights: Object.fromEntries(FEATURES.map((f) => [f, json.weights?.[f] ?? 0])) });
}

let news: NewsArticle[];
try {
  news = loadNews(readNewsLabels(paths), corpora);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

interface Tally {
  judged: number;
  right: number;
}
const pct = (t: Tally): string => {
  const [lo, hi] = wilson(t.right, t.judged);
  return `${(t.right / Math.max(1, t.judged)).toFixed(3)} (${t.right}/${t.judged}) [${lo.toFixed(3)}–${hi.toFixed(3)}]`;
};

/** Each labelled quote's result under `weights`, by corpus/article#paragraph#open; unmatched labels apart. */
function score(weights: SpeakerWeights, errors: string[]): { results: Map<string, { right: boolean; corpus: string; type: string }>; unmatched: number; skipped: number } {
  const results = new Map<string, { right: boolean; corpus: string; type: string }>();
  let unmatched = 0;
  let skipped = 0;
  for (const a of news) {
    const preds = new Map(
      attributeArticle(a.article.paragraphs, { weights })
        .filter((q) => q.kind !== 'fragment')
        .map((q) => [quoteKey(q.paragraph, q.open), q]),
    );
    for (const [key, label] of a.labels) {
      if (label.type === 'skip') {
        skipped++;
        continue;
      }
      const q = preds.get(key);
      if (!q) {
        unmatched++;
        continue;
      }
      const right = judgeLabel(label, q.speaker, a.context);
      results.set(`${a.corpus}/${a.article.id}#${key}`, { right, corpus: a.corpus, type: label.type });
      if (!right) errors.push(`${a.article.id} ¶${q.paragraph} "${q.text.slice(0, 60)}" → ${q.speaker ?? 'nobody'}; label ${label.speaker ?? 'nobody'} (${label.type})`);
    }
  }
  return { results, unmatched, skipped };
}

function report(title: string, s: ReturnType<typeof score>): void {
  const tally = (keep: (r: { corpus: string; type: string }) => boolean): Tally => {
    const t = { judged: 0, right: 0 };
    for (const r of s.results.values()) {
      if (!keep(r)) continue;
      t.judged++;
      if (r.right) t.right++;
    }
    return t;
  };
  const corporaSeen = [...new Set(news.map((a) => a.corpus))];
  console.log(`\n${title}: ${news.length} articles, ${s.results.size} quotes judged (${s.skipped} skip labels, ${s.unmatched} labels with no extracted quote at their key)`);
  console.log(`  all              ${pct(tally(() => true))}`);
  for (const c of corporaSeen) console.log(`  ${c.padEnd(16)} ${pct(tally((r) => r.corpus === c))}`);
  for (const t of LABEL_TYPES.filter((t) => t !== 'skip')) {
    const byCorpus = corporaSeen.map((c) => `${c} ${pct(tally((r) => r.corpus === c && r.type === t))}`).join('  ');
    console.log(`  ${t.padEnd(16)} ${pct(tally((r) => r.type === t))}   ${byCorpus}`);
  }
}

const showErrors = argv.includes('--errors');
const baseErrors: string[] = [];
const base = score(DEFAULT_WEIGHTS, baseErrors);
// Since session 24 the committed weights are trained on bench/speaker-labels: their figure there is in sample.
report(`committed weights (in sample on the labels they were trained on: bench/speaker-labels since session 24)`, base);
if (showErrors) for (const e of baseErrors) console.log(`    ${e}`);

if (weightsPath) {
  const errors: string[] = [];
  const other = score(readWeights(weightsPath), errors);
  report(weightsPath, other);
  if (showErrors) for (const e of errors) console.log(`    ${e}`);
  let rightToWrong = 0;
  let wrongToRight = 0;
  for (const [k, r] of other.results) {
    const b = base.results.get(k);
    if (!b || b.right === r.right) continue;
    if (b.right) rightToWrong++;
    else wrongToRight++;
  }
  console.log(`  paired against the committed weights (in sample on bench/speaker-labels): right→wrong ${rightToWrong}, wrong→right ${wrongToRight}`);
}

if (agree.length > 0) {
  const first = new Map(news.map((a) => [`${a.corpus}/${a.article.id}`, a]));
  const byType = new Map<string, Tally>();
  const differ: string[] = [];
  let articles = 0;
  for (const second of readNewsLabels(agree)) {
    const a = first.get(`${second.corpus}/${second.article}`);
    if (!a) continue;
    articles++;
    for (const l of second.quotes) {
      const mine = a.labels.get(quoteKey(l.paragraph, l.open));
      if (!mine) continue;
      const t = byType.get(mine.type) ?? { judged: 0, right: 0 };
      t.judged++;
      if (labelsAgree(mine, l, a.context)) t.right++;
      else differ.push(`${a.article.id} ¶${l.paragraph}@${l.open}: ${mine.speaker ?? '–'} (${mine.type}) vs ${l.speaker ?? '–'} (${l.type})`);
      byType.set(mine.type, t);
    }
  }
  const all = [...byType.values()].reduce((s, t) => ({ judged: s.judged + t.judged, right: s.right + t.right }), { judged: 0, right: 0 });
  console.log(`\ninter-reader agreement (${articles} articles labelled twice): ${pct(all)}`);
  for (const [t, s] of byType) console.log(`  first reader's ${t.padEnd(13)} ${pct(s)}`);
  for (const d of differ) console.log(`    ${d}`);
}
