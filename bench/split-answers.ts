/**
 * Does sentence splitting lose answers? For every SQuAD question, whether some single sentence
 * of its gold paragraph (src/text/sentences.ts) holds a gold answer, and for those where none
 * does but the paragraph does, the boundary that cuts the answer with the words either side.
 * No model, no engine: the splitter alone.
 *
 *   npx tsx bench/split-answers.ts DOCS.jsonl QUESTIONS.jsonl [--part all|train|heldout] [--show N]
 */
import { holdsAnswer } from '../src/search/ask-train.js';
import { splitSentences } from '../src/text/sentences.js';
import { articleId, heldOutArticles, partOf, readJsonl, type Doc, type Question } from './squad.js';

const args = process.argv.slice(2);
const valued = ['--part', '--show'];
const [docsPath, questionsPath] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
if (!docsPath || !questionsPath) {
  console.error('usage: npx tsx bench/split-answers.ts DOCS.jsonl QUESTIONS.jsonl [--part all|train|heldout] [--show N]');
  process.exit(1);
}
const part = partOf(args);
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0;
const docs = new Map(readJsonl<Doc>(docsPath).map((d) => [d.id, d]));
const heldOut = heldOutArticles(docsPath);
let n = 0;
let inParagraph = 0;
let inSentence = 0;
const cut: string[] = [];
const splitCache = new Map<string, string[]>();
for (const q of readJsonl<Question>(questionsPath)) {
  if (part !== 'all' && (part === 'heldout') !== heldOut.has(articleId(q.doc_id))) continue;
  const paragraph = docs.get(q.doc_id)?.paragraphs[q.paragraph_index];
  if (paragraph === undefined) continue;
  n++;
  if (!holdsAnswer(paragraph, q.answers)) continue;
  inParagraph++;
  const key = `${q.doc_id}#${q.paragraph_index}`;
  let sentences = splitCache.get(key);
  if (!sentences) splitCache.set(key, (sentences = splitSentences(paragraph).map((s) => s.text)));
  if (sentences.some((s) => holdsAnswer(s, q.answers))) {
    inSentence++;
    continue;
  }
  // Where the first answer stands, and the sentence boundaries inside it.
  const answer = q.answers[0] ?? '';
  const at = q.answer_starts?.[0] ?? paragraph.indexOf(answer);
  const bounds = splitSentences(paragraph)
    .map((s) => s.end)
    .filter((e) => e > at && e < at + answer.length);
  const around = bounds.map((e) => `…${paragraph.slice(Math.max(0, e - 40), e)} ‖ ${paragraph.slice(e, e + 40)}…`).join('  ');
  cut.push(`${q.question}\n  answer: ${answer}\n  cut: ${around || '(no boundary at the first answer)'}`);
}
const f = (x: number): string => (n ? x / n : 0).toFixed(4);
console.log(`part ${part}  questions ${n}  paragraph holds an answer ${inParagraph} (${f(inParagraph)})  one sentence holds it ${inSentence} (${f(inSentence)})  cut by splitting ${cut.length} (${f(cut.length)})`);
for (const c of cut.slice(0, show)) console.log(c);
