import { attributeArticle } from '../src/quotes/attribute.js';
import { attributeArticle as oldAttr } from '../../../../tmp/i10/old/src/quotes/attribute.js';
import { judgeSpeaker, matchQuotes, readGoldSet } from './quote-gold.js';
const set = readGoldSet(process.argv[2]!);
for (const { article, gold } of set.articles) {
  const a = matchQuotes(attributeArticle(article.paragraphs).filter((q) => q.kind === 'direct'), gold).matches;
  const b = matchQuotes(oldAttr(article.paragraphs).filter((q) => q.kind === 'direct'), gold).matches;
  for (const m of a) {
    if (!m.gold) continue;
    const o = b.find((x) => x.gold === m.gold);
    if (!o) continue;
    const jn = judgeSpeaker(set, m.gold, m.pred.speaker), jo = judgeSpeaker(set, m.gold, o.pred.speaker);
    if (jn.counts && jn.right !== jo.right) console.log(jn.right ? 'WIN ' : 'LOSS', article.id.slice(0, 30), m.pred.paragraph, JSON.stringify(m.pred.text.slice(0, 50)), 'new', m.pred.speaker, 'old', o.pred.speaker, 'gold', m.gold.speaker);
  }
}
