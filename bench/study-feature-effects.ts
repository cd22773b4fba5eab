// What each feature does on the hand-labelled news under one weights file: for every named feature,
// the quotes whose speaker changes when that feature's weight is set to 0 (right→wrong, wrong→right
// against the labels, and in how many articles). In-sample when the weights were trained on these
// labels: a count of how widely a feature acts, not a held-out figure.
//
//   npx tsx bench/study-feature-effects.ts bench/speaker-labels --corpora ../shared/data/corpus --weights FILE --features f1,f2 [--except ARTICLE,…]
import { readFileSync } from 'node:fs';
import { attributeArticle } from '../src/quotes/attribute.js';
import { FEATURES, parseWeights, type Feature, type SpeakerWeights } from '../src/quotes/ranker.js';
import { judgeLabel, loadNews, quoteKey, readNewsLabels } from './news-labels.js';

const argv = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const corpora = value('--corpora');
const weightsPath = value('--weights');
const names = (value('--features') ?? '').split(',').filter(Boolean);
const except = new Set((value('--except') ?? '').split(',').filter(Boolean));
const paths = argv.filter((a, i) => !a.startsWith('--') && !['--corpora', '--weights', '--features', '--except'].includes(argv[i - 1] ?? ''));
if (!corpora || !weightsPath || names.length === 0 || paths.length === 0 || names.some((n) => !(FEATURES as readonly string[]).includes(n))) {
  console.error('usage: npx tsx bench/study-feature-effects.ts LABELS --corpora DIR --weights FILE --features f1,f2 [--except ARTICLE,…]');
  process.exit(1);
}
const json = JSON.parse(readFileSync(weightsPath, 'utf8')) as { weights?: Record<string, number> };
const base = parseWeights({ ...json, weights: Object.fromEntries(FEATURES.map((f) => [f, json.weights?.[f] ?? 0])) });
const news = loadNews(readNewsLabels(paths), corpora).filter((a) => !except.has(a.article.id));

/** Each labelled quote's speaker under `w`, by corpus/article#key, with whether it is right. */
function speakers(w: SpeakerWeights): Map<string, { speaker: string | null; right: boolean; article: string }> {
  const out = new Map<string, { speaker: string | null; right: boolean; article: string }>();
  for (const a of news) {
    for (const q of attributeArticle(a.article.paragraphs, { weights: w })) {
      if (q.kind === 'fragment') continue;
      const label = a.labels.get(quoteKey(q.paragraph, q.open));
      if (!label || label.type === 'skip') continue;
      out.set(`${a.corpus}/${a.article.id}#${quoteKey(q.paragraph, q.open)}`, { speaker: q.speaker, right: judgeLabel(label, q.speaker, a.context), article: a.article.id });
    }
  }
  return out;
}

const all = speakers(base);
console.log(`${news.length} articles, ${all.size} labelled quotes; right under ${weightsPath}: ${[...all.values()].filter((r) => r.right).length}`);
for (const f of names as Feature[]) {
  const without = speakers({ ...base, weights: { ...base.weights, [f]: 0 } });
  let changed = 0;
  let gained = 0;
  let lost = 0;
  const articles = new Set<string>();
  for (const [k, r] of all) {
    const o = without.get(k);
    if (!o || o.speaker === r.speaker) continue;
    changed++;
    articles.add(r.article);
    if (r.right && !o.right) gained++;
    if (!r.right && o.right) lost++;
  }
  console.log(`${f} (weight ${base.weights[f]}): ${changed} quotes change in ${articles.size} articles when it is 0; the feature makes ${gained} right that were wrong, ${lost} wrong that were right`);
}
