// Main's errors on the hand-labelled news, each with whether the labelled speaker was a candidate
// at all (candidate generation) or ranked below the chosen one (features), and both candidates'
// features. For studying error classes, not a measure.
//
//   npx tsx bench/study-news-errors.ts bench/speaker-labels --corpora ../shared/data/corpus [--weights FILE] [--context]
import { readFileSync } from 'node:fs';
import { attributeArticle } from '../src/quotes/attribute.js';
import { DEFAULT_WEIGHTS, FEATURES, featuresOf, parseWeights, scoreVector, weightVector, type SpeakerWeights } from '../src/quotes/ranker.js';
import { judgeLabel, loadNews, quoteKey, readNewsLabels } from './news-labels.js';

const argv = process.argv.slice(2);
const ci = argv.indexOf('--corpora');
const corpora = argv[ci + 1] ?? '';
const wi = argv.indexOf('--weights');
const showContext = argv.includes('--context');
const paths = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--corpora' && argv[i - 1] !== '--weights');
let weights: SpeakerWeights = DEFAULT_WEIGHTS;
if (wi >= 0) {
  const json = JSON.parse(readFileSync(argv[wi + 1] ?? '', 'utf8')) as { weights?: Record<string, number> };
  weights = parseWeights({ ...json, weights: Object.fromEntries(FEATURES.map((f) => [f, json.weights?.[f] ?? 0])) });
}
const wv = weightVector(weights);
const news = loadNews(readNewsLabels(paths), corpora);
const tally = new Map<string, number>();
for (const a of news) {
  attributeArticle(a.article.paragraphs, {
    weights,
    observe: (span, list, best) => {
      const label = a.labels.get(quoteKey(span.paragraph, span.open));
      if (!label || label.type === 'skip') return;
      const chosen = list[best];
      if (judgeLabel(label, chosen?.speaker ?? null, a.context)) return;
      const goldIdx = list.findIndex((c) => judgeLabel(label, c.speaker, a.context));
      const cls = goldIdx < 0 ? `nocand-${label.type}` : `ranked-${label.type}`;
      tally.set(cls, (tally.get(cls) ?? 0) + 1);
      const sc = (i: number): string => (list[i] ? scoreVector(wv, list[i].vector).toFixed(2) : '');
      console.log(`\n[${cls}] ${a.article.id} ¶${span.paragraph}@${span.open} "${span.text.slice(0, 70)}" → ${chosen?.speaker} (${sc(best)}); label ${label.speaker} (${label.type})`);
      console.log(`   chosen: ${JSON.stringify(featuresOf(chosen?.vector ?? []))}`);
      if (goldIdx >= 0) console.log(`   gold ${list[goldIdx]?.speaker} (${sc(goldIdx)}): ${JSON.stringify(featuresOf(list[goldIdx]?.vector ?? []))}`);
      else console.log(`   candidates: ${list.map((c) => c.speaker).join(' | ')}`);
      if (showContext) {
        const p = a.article.paragraphs[span.paragraph - 1] ?? '';
        console.log(`   PARA: ${p.slice(0, 500)}`);
        if (span.paragraph > 1) console.log(`   PREV: ${(a.article.paragraphs[span.paragraph - 2] ?? '').slice(0, 300)}`);
      }
    },
  });
}
console.log('\n', [...tally].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', '));
