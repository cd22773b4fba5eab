// Why a quote got its speaker: every candidate of each quote in one paragraph of an article, with
// the features the ranker scored (the chosen one after the arrow), then the paragraph and the one
// before. For reading a speaker change found by bench/quote-speakers.ts --diff.
//
//   npx tsx bench/why-speaker.ts ARCHIVE_DIR ARTICLE_ID PARAGRAPH
//
// PARAGRAPH counts from 1, as quotes and citations do (`[bbc-politics-267 ¶5]`).
import { loadArchive } from '../src/archive/load.js';
import { attributeArticle } from '../src/quotes/attribute.js';
import { featuresOf } from '../src/quotes/ranker.js';
const [dir, id, para] = process.argv.slice(2);
if (!dir || !id || !para || !/^[1-9]\d*$/.test(para)) {
  console.error('usage: npx tsx bench/why-speaker.ts ARCHIVE_DIR ARTICLE_ID PARAGRAPH (counted from 1)');
  process.exit(1);
}
const a = loadArchive(dir).articles.find((x) => x.id === id);
if (!a) {
  console.error(`no article ${id} in ${dir}`);
  process.exit(1);
}
const n = Number(para);
if (n > a.paragraphs.length) {
  console.error(`${id} has ${a.paragraphs.length} paragraphs, not ${n}`);
  process.exit(1);
}
attributeArticle(a.paragraphs, {
  observe: (span, list, best) => {
    if (span.paragraph !== n) return;
    console.log('QUOTE', span.text.slice(0, 60), '→', list[best]?.speaker);
    for (const c of list) console.log('  ', c.speaker, JSON.stringify(featuresOf(c.vector)));
  },
});
console.log(a.paragraphs[n - 1]?.slice(0, 600));
if (n > 1) console.log('PREV', a.paragraphs[n - 2]?.slice(0, 400));
