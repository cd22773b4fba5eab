/**
 * News questions for `ask` (bench/news-questions*.jsonl): reading and checking the file, and
 * scoring one engine per corpus on it. Each miss gets a failure class read off the ranking, so a
 * fresh question file says at once where answers are lost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../src/archive/load.js';
import { ASK_POOL, Engine } from '../src/engine.js';
import { PassageIndex } from '../src/search/index.js';
import { ANSWER_TYPES, type AnswerType } from '../src/search/question.js';
import { answerScores, answersNews, holdsAnswer } from '../src/search/ask-train.js';
import { confidenceFor, type ConfidenceModel } from '../src/search/confidence.js';
import { jsonLines } from './jsonl.js';

export interface NewsQuestion {
  id: string;
  /** The corpus folder's name (its basename: "bbc", "reuters21578"). */
  corpus: string;
  /** The article the question was written from. */
  article: string;
  /** The type the writer meant (person, time, number, place, cause, other). */
  type: AnswerType;
  question: string;
  answers: string[];
}

/** The unseen measures (README, "News questions"): no training script may learn from their questions. */
export const UNSEEN_NEWS_FILES: readonly string[] = ['news-questions-2.jsonl', 'news-questions-5.jsonl', 'news-questions-7.jsonl', 'news-questions-10.jsonl', 'news-questions-11.jsonl'];

/**
 * Refuses training questions that belong to an unseen measure: the file itself, or any question
 * sharing an id or a story with one of them (a copy or a renamed file).
 */
export function refuseUnseen(file: string, questions: readonly NewsQuestion[], benchDir = fileURLToPath(new URL('.', import.meta.url))): void {
  if (UNSEEN_NEWS_FILES.includes(basename(file))) throw new Error(`${file} is an unseen measure (${UNSEEN_NEWS_FILES.join(', ')}): never train on it`);
  for (const { name, ids, stories } of unseenMeasures(benchDir)) {
    const hit = questions.find((q) => ids.has(q.id) || stories.has(`${q.corpus}/${q.article}`));
    if (hit) throw new Error(`${file}: question ${hit.id} (${hit.corpus}/${hit.article}) belongs to the unseen measure ${name}: never train on it`);
  }
}

/** The unseen measure whose questions include this id, if any. */
export function unseenMeasureOf(id: string, benchDir = fileURLToPath(new URL('.', import.meta.url))): string | undefined {
  return unseenMeasures(benchDir).find((m) => m.ids.has(id))?.name;
}

interface UnseenMeasure {
  name: string;
  ids: ReadonlySet<string>;
  /** `corpus/article` of each question. */
  stories: ReadonlySet<string>;
}

/** The unseen files' ids and stories per bench folder, read on first use only: a training run checks every one of its files against them. */
const unseenByDir = new Map<string, readonly UnseenMeasure[]>();

function unseenMeasures(benchDir: string): readonly UnseenMeasure[] {
  let measures = unseenByDir.get(benchDir);
  if (!measures) {
    measures = UNSEEN_NEWS_FILES.filter((name) => existsSync(join(benchDir, name))).map((name) => {
      const unseen = readNewsQuestions(join(benchDir, name));
      return { name, ids: new Set(unseen.map((q) => q.id)), stories: new Set(unseen.map((q) => `${q.corpus}/${q.article}`)) };
    });
    unseenByDir.set(benchDir, measures);
  }
  return measures;
}

/** Reads a question file: one JSON object a line; a line that is not a question stops with its line number and what is wrong. */
export function readNewsQuestions(path: string): NewsQuestion[] {
  const out: NewsQuestion[] = [];
  const ids = new Set<string>();
  for (const { value: doc, where } of jsonLines(readFileSync(path, 'utf8'), path)) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`${where}: not a JSON object`);
    const q = doc as Record<string, unknown>;
    for (const key of ['id', 'corpus', 'article', 'type', 'question'] as const) {
      if (typeof q[key] !== 'string' || !(q[key] as string).trim()) throw new Error(`${where}: "${key}" must be a non-empty string`);
    }
    if (!ANSWER_TYPES.includes(q.type as AnswerType)) throw new Error(`${where}: "type" must be one of ${ANSWER_TYPES.join(', ')} (got ${JSON.stringify(q.type)})`);
    const answers = q.answers;
    if (!Array.isArray(answers) || answers.length === 0 || !answers.every((a) => typeof a === 'string' && a.trim())) {
      throw new Error(`${where}: "answers" must be a non-empty list of non-empty strings`);
    }
    if (ids.has(q.id as string)) throw new Error(`${where}: id ${JSON.stringify(q.id)} is used twice`);
    ids.add(q.id as string);
    out.push({ id: q.id as string, corpus: q.corpus as string, article: q.article as string, type: q.type as AnswerType, question: q.question as string, answers: answers as string[] });
  }
  return out;
}

/**
 * Why a question's top sentence does not answer it, read off the ranked passages:
 * - `notRetrieved`: no passage among those the models rank holds an answer;
 * - `otherArticle`: an answering passage is ranked, but a passage of another article is first;
 * - `siblingFirst`: another paragraph of the answering article is first (`earlier` says it is that article's earliest paragraph among the ranked ones — not necessarily its lead);
 * - `wrongSentence`: the top passage holds an answer, its shown sentence does not.
 */
export type NewsMiss = 'notRetrieved' | 'otherArticle' | 'siblingFirst' | 'wrongSentence';

export interface NewsResult {
  question: NewsQuestion;
  /** The type the engine read from the question. */
  detected: AnswerType;
  sentence: boolean;
  em: number;
  f1: number;
  /** 1-based rank of the first passage holding an answer (null when none of the ranked ones does). */
  answerRank: number | null;
  articleFirst: boolean;
  confident: boolean;
  miss: NewsMiss | null;
  /** For siblingFirst: the top passage is the earliest paragraph of its article among the ranked ones (not necessarily its lead). */
  earlier: boolean;
  top: { article: string; paragraph: number; answer: string; span: string | null } | undefined;
  /** The shown sentence of the first passage holding an answer, when that is not the top one. */
  answerHit: { article: string; paragraph: number; answer: string } | undefined;
  /**
   * The pool the answer models re-rank (Engine.askPool), before they do: the expected story's
   * 1-based rank among the pool's stories (null when none of its paragraphs is there), and
   * whether one of its paragraphs holding an answer is there.
   */
  firstPass: { storyRank: number | null; answerInPool: boolean };
}

/** Passages ranked per question: the whole re-ranked pool (engine ASK_POOL), so a lost answer paragraph still has a rank. */
const RANKED = 20;

/** One engine per corpus folder, keyed by the folder's name (what a question's `corpus` names); `setUp` adjusts each. */
export function corpusEngines(dirs: readonly string[], setUp: (engine: Engine) => void = () => {}): Map<string, Engine> {
  const engines = new Map<string, Engine>();
  for (const dir of dirs) {
    const archive = loadArchive(dir);
    const engine = new Engine(archive, PassageIndex.build(archive.articles));
    setUp(engine);
    engines.set(basename(dir.replace(/\/+$/, '')), engine);
  }
  return engines;
}

export function evalNews(engines: ReadonlyMap<string, Engine>, questions: readonly NewsQuestion[]): NewsResult[] {
  const out: NewsResult[] = [];
  for (const q of questions) {
    const engine = engines.get(q.corpus);
    if (!engine) throw new Error(`${q.id}: no corpus folder named ${q.corpus} was given`);
    // One first pass serves both the answer and the pool read below.
    const asked = engine.askPool(q.question, Math.max(RANKED, ASK_POOL));
    const r = engine.askOver({ question: q.question, limit: RANKED }, asked);
    const top = r.hits[0];
    const sentence = top !== undefined && holdsAnswer(top.answer, q.answers);
    const span = top?.answerSpan ? answerScores(top.answerSpan.text, q.answers) : { em: 0, f1: 0 };
    const at = r.hits.findIndex((h) => holdsAnswer(h.text, q.answers));
    const holder = at >= 0 ? r.hits[at] : undefined;
    let miss: NewsMiss | null = null;
    let earlier = false;
    if (!sentence) {
      if (!holder || !top) miss = 'notRetrieved';
      else if (at === 0) miss = 'wrongSentence';
      else if (top.article !== holder.article) miss = 'otherArticle';
      else {
        miss = 'siblingFirst';
        earlier = !r.hits.some((h) => h.article === top.article && h.paragraph < top.paragraph);
      }
    }
    const { pool } = asked;
    const stories: string[] = [];
    let answerInPool = false;
    for (const p of pool) {
      const passage = engine.index.passages[p.passage];
      const id = passage ? engine.index.articles[passage.article]?.id : undefined;
      if (!passage || id === undefined) continue;
      if (!stories.includes(id)) stories.push(id);
      if (answersNews(engine, q, passage, p.passage)) answerInPool = true;
    }
    const storyAt = stories.indexOf(q.article);
    out.push({
      question: q,
      detected: r.answerType,
      sentence,
      em: span.em,
      f1: span.f1,
      answerRank: at >= 0 ? at + 1 : null,
      articleFirst: top?.article === q.article,
      confident: r.confident,
      miss,
      earlier,
      top: top && { article: top.article, paragraph: top.paragraph, answer: top.answer, span: top.answerSpan?.text ?? null },
      answerHit: holder && at > 0 ? { article: holder.article, paragraph: holder.paragraph, answer: holder.answer } : undefined,
      firstPass: { storyRank: storyAt >= 0 ? storyAt + 1 : null, answerInPool },
    });
  }
  return out;
}

export interface NewsSummary {
  n: number;
  sentence: number;
  em: number;
  f1: number;
  topPassage: number;
  top5: number;
  articleFirst: number;
  confident: number;
  /** Confident answers whose top sentence is wrong: a guess presented as the answer. */
  confidentWrong: number;
  /** Right top sentences offered only as reading ("These passages may help:"). */
  unsureRight: number;
  typeAgrees: number;
  byType: Map<AnswerType, { n: number; sentence: number }>;
  misses: Map<NewsMiss, number>;
  /**
   * The retrieval misses (otherArticle, notRetrieved) by what the first pass gave the answer
   * models: the expected story's answering paragraph in the pool, the story there without it, the
   * story absent; and how many of them had the story not first in the first pass (another story
   * first, or the story absent).
   */
  retrieval: { misses: number; answerInPool: number; storyOnly: number; storyAbsent: number; otherStoryFirst: number };
}

export function summarize(results: readonly NewsResult[]): NewsSummary {
  const s: NewsSummary = { n: 0, sentence: 0, em: 0, f1: 0, topPassage: 0, top5: 0, articleFirst: 0, confident: 0, confidentWrong: 0, unsureRight: 0, typeAgrees: 0, byType: new Map(), misses: new Map(), retrieval: { misses: 0, answerInPool: 0, storyOnly: 0, storyAbsent: 0, otherStoryFirst: 0 } };
  for (const r of results) {
    s.n++;
    if (r.sentence) s.sentence++;
    s.em += r.em;
    s.f1 += r.f1;
    if (r.answerRank === 1) s.topPassage++;
    if (r.answerRank !== null && r.answerRank <= 5) s.top5++;
    if (r.articleFirst) s.articleFirst++;
    if (r.confident) s.confident++;
    if (r.confident && !r.sentence) s.confidentWrong++;
    if (!r.confident && r.sentence) s.unsureRight++;
    if (r.detected === r.question.type) s.typeAgrees++;
    const t = s.byType.get(r.question.type) ?? { n: 0, sentence: 0 };
    t.n++;
    if (r.sentence) t.sentence++;
    s.byType.set(r.question.type, t);
    if (r.miss) s.misses.set(r.miss, (s.misses.get(r.miss) ?? 0) + 1);
    if (r.miss === 'otherArticle' || r.miss === 'notRetrieved') {
      const f = r.firstPass;
      s.retrieval.misses++;
      if (f.answerInPool) s.retrieval.answerInPool++;
      else if (f.storyRank !== null) s.retrieval.storyOnly++;
      else s.retrieval.storyAbsent++;
      if (f.storyRank !== 1) s.retrieval.otherStoryFirst++;
    }
  }
  return s;
}

/**
 * What decided `confident` in a run, for the summary's first line: two runs compare like for like
 * only when both say the same (a model over other ask weights is ignored, and the rule alone decides).
 */
export function gateState(model: ConfidenceModel | undefined, askWeights: object, source: string): string {
  if (model === undefined) return 'confidence: off (--rule-only): the fixed rule alone';
  return confidenceFor(model, askWeights) ? `confidence: ${source}` : `confidence: stale (${source} was learnt over other ask weights): the fixed rule alone`;
}

export function formatSummary(s: NewsSummary): string {
  const f = (x: number): string => (s.n ? x / s.n : 0).toFixed(3);
  const pct = (x: number): string => (100 * (x / (s.n || 1))).toFixed(1);
  return [
    `questions ${s.n}  top-sentence accuracy ${f(s.sentence)} (${s.sentence}/${s.n})  span EM ${pct(s.em)} F1 ${pct(s.f1)}  answer in top passage ${f(s.topPassage)}  in top 5 ${f(s.top5)}  expected article first ${f(s.articleFirst)}  confident ${f(s.confident)} (wrong but confident ${s.confidentWrong}, right but unsure ${s.unsureRight})`,
    [...s.byType].map(([t, c]) => `${t} ${c.sentence}/${c.n}`).join('  ') + `  (type read as written ${s.typeAgrees}/${s.n})`,
    `misses: ${[...s.misses].map(([m, c]) => `${m} ${c}`).join('  ') || 'none'}`,
    `retrieval misses ${s.retrieval.misses}: the story's answering paragraph in the re-ranked pool ${s.retrieval.answerInPool}, the story there without it ${s.retrieval.storyOnly}, the story not there ${s.retrieval.storyAbsent}; another story first in the first pass ${s.retrieval.otherStoryFirst}`,
  ].join('\n');
}

export function formatResult(r: NewsResult): string {
  const q = r.question;
  const typeNote = r.detected === q.type ? q.type : `${q.type}, read as ${r.detected}`;
  const lines = [
    `${r.sentence ? 'ok  ' : 'MISS'} ${q.id} [${typeNote}] ${q.question}${r.miss ? `  -> ${r.miss}${r.earlier ? ' (earlier)' : ''}` : ''}`,
    `     top ${r.top?.article ?? '-'} ¶${r.top?.paragraph ?? '-'} span ${JSON.stringify(r.top?.span ?? null)}${r.confident ? '' : ' (unsure)'}  answer passage rank ${r.answerRank ?? '-'}  first pass: story ${r.firstPass.storyRank ?? '-'}${r.firstPass.answerInPool ? ', answering paragraph in the pool' : ''}`,
    `     ${r.top?.answer ?? ''}`,
  ];
  if (r.answerHit) lines.push(`     answering ${r.answerHit.article} ¶${r.answerHit.paragraph}: ${r.answerHit.answer}`);
  return lines.join('\n');
}
