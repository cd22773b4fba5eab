/**
 * Answer quality on SQuAD-style data: one article a doc (paragraphs only), then every question
 * through the real `ask`. Prints recall@1/5/20 of the gold paragraph, MRR and answer-sentence
 * accuracy (the top hit's answer sentence contains a gold answer).
 *
 *   npm run eval:ask -- DOCS.jsonl QUESTIONS.jsonl [--limit N]
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadArchive } from '../src/archive/load.js';
import { Engine, type AskHit } from '../src/engine.js';
import { PassageIndex } from '../src/search/index.js';
import { writeTempArchive } from './fixtures.js';

interface Doc {
  id: string;
  paragraphs: string[];
}
interface Question {
  question: string;
  doc_id: string;
  paragraph_index: number;
  answers: string[];
}

const args = process.argv.slice(2);
const [docsPath, questionsPath] = args.filter((a) => !a.startsWith('--'));
const limitArg = args.indexOf('--limit');
if (!docsPath || !questionsPath) {
  console.error('usage: npm run eval:ask -- DOCS.jsonl QUESTIONS.jsonl [--limit N]');
  process.exit(1);
}
const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

const docs = readJsonl<Doc>(docsPath);
let questions = readJsonl<Question>(questionsPath);
if (limitArg >= 0) questions = questions.slice(0, Number(args[limitArg + 1]));

const dir = writeTempArchive('eval-ask', docs.map((d) => [d.id, `date 2020-01-01\n\n${d.paragraphs.join('\n\n')}\n`]));
try {
  const archive = loadArchive(dir);
  const engine = new Engine(archive, PassageIndex.build(archive.articles));
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');
  let r1 = 0, r5 = 0, r20 = 0, mrr = 0, answered = 0, asked = 0;
  for (const q of questions) {
    let hits: AskHit[];
    try {
      hits = engine.ask({ question: q.question, limit: 20 }).hits;
    } catch {
      hits = [];
    }
    asked++;
    const id = q.doc_id.replace(/[^\w./-]+/g, '_');
    const rank = hits.findIndex((h) => h.article === id && h.paragraph === q.paragraph_index + 1);
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 5) r5++;
    if (rank >= 0 && rank < 20) r20++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    const top = hits[0];
    if (top && q.answers.some((a) => norm(top.answer).includes(norm(a)))) answered++;
  }
  const f = (x: number): string => (x / asked).toFixed(3);
  console.log(`questions ${asked}  docs ${docs.length}  passages ${engine.index.passages.length}`);
  console.log(`recall@1 ${f(r1)}  recall@5 ${f(r5)}  recall@20 ${f(r20)}  MRR ${f(mrr)}  answer-sentence accuracy ${f(answered)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
