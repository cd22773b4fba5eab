import { attributeArticle } from '../src/quotes/attribute.js';
import { matchQuotes, readGoldSet } from './quote-gold.js';
const set = readGoldSet(process.argv[2]!);
let n = 0;
for (const { article, gold } of set.articles) {
  const preds = attributeArticle(article.paragraphs).filter((q) => q.kind !== 'fragment');
  const { matches, missed } = matchQuotes(preds, gold);
  for (const m of matches) if (!m.gold && !m.other && n++ < 60 && process.env.FP) console.log('FP', m.pred.kind, JSON.stringify(m.pred.text.slice(0, 90)));
  for (const g of missed) if (n++ < 60 && !process.env.FP) {
    const fr = attributeArticle(article.paragraphs).find((q) => q.kind === 'fragment' && q.text.includes(g.text.slice(0, 15)));
    console.log('MISS', fr ? 'as-fragment' : 'not-found', JSON.stringify(g.text.slice(0, 90)));
  }
}
