import type { Passage } from './passages.js';
import { checkedQuery, type Engine } from '../engine.js';
import { questionView, scorePool, scoreSentences, sentenceTerms, spanCandidates, spanFeatures, withAlign, withPrior, type QuestionView, type ScoredSentence } from './answer.js';
import { articleFolds } from './folds.js';
import { crossFitPrior, priorLabel, questionKeys, type PriorExample, type TypePrior } from './type-prior.js';
import { trainAlignTable, type AlignPair, type AlignTable, type AlignTrainOptions } from './align.js';
import { splitSentences } from '../text/sentences.js';
import { terms } from '../text/tokenize.js';
import type { Article } from '../archive/types.js';
import {
  DEFAULT_ASK_WEIGHTS,
  dot,
  groupAccuracy,
  PASSAGE_FEATURES,
  PICK_ONLY_SENTENCE_FEATURES,
  SENTENCE_FEATURES,
  OPEN_SPAN_FEATURES,
  SPAN_FEATURES,
  TYPED_SPAN_FEATURES,
  trainConditionalLogit,
  type AskWeights,
  type Group,
  type Ranker,
} from './ask-model.js';
import { UserError } from '../errors.js';
import { trainBoosted, type BoostOptions, type BoostReport, type Tree } from './boost.js';
import type { Ranked } from './rank.js';
import { ANSWER_TYPES, type AnswerType } from './question.js';

/** A question with its gold answers, as reading-comprehension sets give them. */
export interface GoldQuestion {
  question: string;
  /** Article id in the engine's archive. */
  article: string;
  /** 1-based paragraph that holds the answer. */
  paragraph: number;
  answers: string[];
}

/** SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces. */
export function normalizeAnswer(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** SQuAD exact match and token F1 of a prediction against the best of the gold answers. */
export function answerScores(prediction: string, gold: readonly string[]): { em: number; f1: number } {
  const p = normalizeAnswer(prediction);
  let em = 0;
  let f1 = 0;
  for (const g of gold) {
    const n = normalizeAnswer(g);
    if (p === n) em = 1;
    const pt = p ? p.split(' ') : [];
    const gt = n ? n.split(' ') : [];
    const counts = new Map<string, number>();
    for (const t of gt) counts.set(t, (counts.get(t) ?? 0) + 1);
    let same = 0;
    for (const t of pt) {
      const c = counts.get(t) ?? 0;
      if (c > 0) {
        same++;
        counts.set(t, c - 1);
      }
    }
    if (same > 0) f1 = Math.max(f1, (2 * same) / (pt.length + gt.length));
  }
  return { em, f1 };
}

/** Whether a sentence holds one of the gold answers (the answer-sentence measure). */
export function holdsAnswer(sentence: string, answers: readonly string[]): boolean {
  const s = sentence.toLowerCase().replace(/\s+/g, ' ');
  return answers.some((a) => s.includes(a.toLowerCase().replace(/\s+/g, ' ')));
}

export interface TrainReport {
  questions: number;
  sentenceGroups: number;
  passageGroups: number;
  spanGroups: number;
  /** Training-set accuracies of each model (the share of groups whose top item is right). */
  sentenceAccuracy: number;
  passageAccuracy: number;
  spanAccuracy: number;
  /**
   * News questions given to the passage model (TrainOptions.news): how many were asked, how many
   * have a right passage in their pool (the others teach nothing), and the linear passage
   * model's training accuracy on those.
   */
  newsAsked?: number;
  newsGroups?: number;
  newsAccuracy?: number;
  /** Training-set accuracy of the linear pick model, and its trees (absent when not trained). */
  pickAccuracy?: number;
  pickTrees?: Omit<BoostReport, 'trees'>;
  /** Folds of the sentence model's cross-fitting the passage model was trained over (1: in-sample), and the seconds the fold models took. */
  sentenceFolds: number;
  sentenceFoldSeconds: number;
  /** Trees boosted on the linear sentence and passage models (none when trained linear only). */
  sentenceTrees?: Omit<BoostReport, 'trees'>;
  passageTrees?: Omit<BoostReport, 'trees'>;
  /** Trees boosted on the span model, by answer type. */
  spanTrees: Partial<Record<AnswerType, Omit<BoostReport, 'trees'>>>;
  /** The answer types whose span model leaves the who/where evidence out (trainSpanWeights). */
  spanWithoutTyped: AnswerType[];
  /** The translation table learnt from all the questions (absent when not learnt): its pairs, question words, and folds of the cross-fitting. */
  align?: { pairs: number; extra: number; words: number; folds: number };
}

export interface AskTrainOptions {
  /** Boost trees on the linear sentence and passage scores (default true). */
  trees: boolean;
  sentenceBoost: Partial<BoostOptions>;
  passageBoost: Partial<BoostOptions>;
  /**
   * The sentence model also learns against the sentences of this many top retrieved passages
   * besides the gold one (0: the gold paragraph's sentences only), so that its score, which the
   * passage model reads, compares sentences across passages and not only within one
   * (default SENTENCE_POOL).
   */
  sentencePool: number;
  /**
   * Also train the pick model (AskWeights.pick): which sentence of a chosen passage is shown,
   * learnt on the gold paragraph's sentences only (default true).
   */
  pick: boolean;
  spanBoost: Partial<BoostOptions>;
  /**
   * Learn the word translation table (align.ts) and read the ALIGN_SENTENCE_FEATURES with it
   * (default true). The training features come from cross-fitted tables (`crossFitAlign`); false:
   * no table, those features are 0.
   */
  align: boolean;
  alignOptions: Partial<AlignTrainOptions>;
  /** Learn the answer-type prior (type-prior.ts) the span model's `prior:kind` reads (default true; training questions read it cross-fitted as the table). */
  typePrior: boolean;
  /** Pairs the table also learns from besides the questions' (headlinePairs of news archives). */
  alignExtra: readonly AlignPair[];
  /**
   * More than 1: the passage model's training pools are scored with sentence models fitted
   * without the question's fold of articles (crossFitRanker); 1: with the committed sentence
   * model, in sample. The committed sentence model learns from every question either way
   * (default SENTENCE_FOLDS).
   */
  sentenceFolds: number;
  /**
   * Also fit the passage model (with trees) under each of these boosting settings, on the same
   * groups (`passageVariants` of the result): a setting is chosen on one pass over the questions.
   */
  passageVariants?: readonly Partial<BoostOptions>[];
  /**
   * Keep these weights' sentence and span models and train the passage model only, on pools
   * scored with that sentence model (a quarter of the time: for trying passage features).
   */
  passageOnly?: AskWeights;
  /**
   * News questions that the passage model also learns from (the sentence, pick and span models
   * stay SQuAD's): SQuAD's questions reuse the answering paragraph's words, so the passage model
   * never sees a news lead that restates the question while a later paragraph answers it.
   */
  news?: readonly NewsTraining[];
  /** How many times each news group counts against one SQuAD group (a whole number, default 1). */
  newsWeight?: number;
}

/** The passage model fitted under other boosting settings (AskTrainOptions.passageVariants). */
export interface PassageVariant {
  boost: Partial<BoostOptions>;
  passage: Ranker;
  trees?: Omit<BoostReport, 'trees'>;
}

/** A news question as the passage model learns from it: the expected article's paragraphs that hold an answer are right. */
export interface NewsGold {
  question: string;
  /** Article id in the engine's archive. */
  article: string;
  answers: string[];
}

/** News questions over one archive (a corpus), with the engine that archive is asked through. */
export interface NewsTraining {
  engine: Engine;
  questions: readonly NewsGold[];
}

/**
 * The sentences of the gold paragraph with their features, and which hold a gold answer. A
 * paragraph longer than one passage is cut into windows: the first window that holds an answer
 * (ask chooses within any window), else the first.
 */
export function goldSentences(engine: Engine, g: GoldQuestion, q: QuestionView): { sentences: ScoredSentence[]; positive: boolean[] } | undefined {
  const article = engine.index.articles.findIndex((a) => a.id === g.article);
  if (article < 0) return undefined;
  let first: { sentences: ScoredSentence[]; positive: boolean[] } | undefined;
  for (const p of engine.index.articlePassages(article)) {
    if (engine.index.passages[p]?.paragraph !== g.paragraph) continue;
    const sentences = scoreSentences(engine.index.passageText(p), q, DEFAULT_ASK_WEIGHTS);
    const window = { sentences, positive: sentences.map((s) => holdsAnswer(s.sentence.text, g.answers)) };
    if (window.positive.some(Boolean)) return window;
    first ??= window;
  }
  return first;
}

/**
 * One training group of the sentence model: the gold paragraph's sentences, then the sentences
 * of the first `others` retrieved passages that are not the gold one, as wrong items (a sentence
 * there that happens to hold the answer text is left out: it is neither surely right nor wrong).
 */
export function sentenceGroup(
  engine: Engine,
  g: GoldQuestion,
  q: QuestionView,
  pool: readonly Ranked[],
  others: number,
  gold: { sentences: ScoredSentence[]; positive: boolean[] } | undefined = goldSentences(engine, g, q),
): Group | undefined {
  if (!gold) return undefined;
  const features = gold.sentences.map((s) => s.features);
  const positive = [...gold.positive];
  let added = 0;
  for (const r of pool) {
    if (added >= others) break;
    const p = engine.index.passages[r.passage];
    if (!p || (engine.index.articles[p.article]?.id === g.article && p.paragraph === g.paragraph)) continue;
    added++;
    for (const s of scoreSentences(engine.index.passageText(r.passage), q, DEFAULT_ASK_WEIGHTS)) {
      if (holdsAnswer(s.sentence.text, g.answers)) continue;
      features.push(s.features);
      positive.push(false);
    }
  }
  return { features, positive };
}

/** The retrieved pool as the passage model sees it (features under the given sentence model), and which passage is the gold one. */
export function passageGroup(engine: Engine, g: GoldQuestion, q: QuestionView, pool: readonly Ranked[], weights: AskWeights): Group {
  return poolGroup(engine, q, pool, weights, (p) => engine.index.articles[p.article]?.id === g.article && p.paragraph === g.paragraph);
}

/** The pool scored by the passage model as one training group, right where `right` says so. */
function poolGroup(engine: Engine, q: QuestionView, pool: readonly Ranked[], weights: AskWeights, right: (p: Passage, passage: number) => boolean): Group {
  const scored = scorePool(engine.index, pool, q, weights);
  const positive = scored.map((s) => {
    const p = engine.index.passages[s.ranked.passage];
    return p !== undefined && right(p, s.ranked.passage);
  });
  return { features: scored.map((s) => s.features), positive };
}

/**
 * One training group of the span model: the candidates of a sentence that holds a gold answer,
 * right where their token F1 with a gold answer is the best available and at least 0.5 (none
 * when no candidate comes that close: nothing to learn).
 */
export function spanGroup(sentence: string, q: QuestionView, answers: readonly string[]): Group | null {
  const candidates = spanCandidates(sentence, q);
  if (candidates.length === 0) return null;
  const f1s = candidates.map((c) => answerScores(c.text, answers).f1);
  const best = Math.max(...f1s);
  if (best < 0.5) return null;
  return { features: spanFeatures(sentence, candidates, q), positive: f1s.map((f) => f === best) };
}

/** The groups with the features at these indices set to 0: a model trained on them keeps those weights at 0. */
function withoutFeatures(groups: readonly Group[], drop: ReadonlySet<number>): Group[] {
  return groups.map((g) => ({ ...g, features: g.features.map((x) => x.map((v, i) => (drop.has(i) ? 0 : v))) }));
}

/** Folds of the cross-validation that decides whether a type keeps a feature family. */
const FAMILY_FOLDS = 5;

/**
 * One news question's passage group: the pool the engine re-ranks for it (askPool), right where a
 * passage of the expected article holds an expected answer (a story may answer in two
 * paragraphs; another story's passage holding the answer text is not counted right: the writer
 * read one story). A group without a right passage teaches nothing and is left out by the trainers.
 */
export function newsPassageGroup(engine: Engine, g: NewsGold, q: QuestionView, pool: readonly Ranked[], weights: AskWeights): Group {
  const right = (p: Passage, passage: number): boolean => answersNews(engine, g, p, passage);
  return { ...poolGroup(engine, q, pool, weights, right), key: g.article };
}

/** Whether a pool passage answers a news question: a passage of the story it was written from that holds an expected answer. */
export function answersNews(engine: Engine, g: NewsGold, p: Passage, passage: number): boolean {
  return engine.index.articles[p.article]?.id === g.article && holdsAnswer(engine.index.passageText(passage), g.answers);
}

/**
 * A news question asked as `ask` asks it, or undefined when it is only stop words (a user's would
 * be refused too). A question whose article is missing from its archive is an error: the file
 * names the wrong story or the wrong corpus.
 */
export function askNews(engine: Engine, g: NewsGold, poolSize: number): ReturnType<Engine['askPool']> | undefined {
  if (!engine.index.articles.some((a) => a.id === g.article)) throw new UserError(`news question "${g.question}": article ${g.article} is not in its archive`);
  try {
    return engine.askPool(g.question, poolSize);
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

/**
 * The news questions' passage groups under the given sentence model, each repeated `weight`
 * times. A question whose article is missing from its archive is an error (the file names the
 * wrong story or the wrong corpus); one of stop words only is skipped as a user's would be refused.
 */
export function newsPassageGroups(news: readonly NewsTraining[], weights: AskWeights, weight: number, align?: AlignTable): Group[][] {
  if (!(Number.isInteger(weight) && weight >= 1)) throw new UserError(`the news weight must be a whole number of 1 or more (got ${weight})`);
  const out: Group[][] = [];
  for (const { engine, questions } of news) {
    for (const g of questions) {
      const asked = askNews(engine, g, TRAIN_POOL);
      if (!asked) continue;
      // Read with the table being trained, as SQuAD's questions are, not the news engine's committed one.
      const group = newsPassageGroup(engine, g, withAlign(asked.q, align), asked.pool, weights);
      out.push(Array.from({ length: weight }, () => group));
    }
  }
  return out;
}

/**
 * SQuAD's groups with the news questions' copies spread evenly among them, each question's
 * copies together: the boosted trees choose their number on the last fifth of the groups, which
 * then holds its share of news questions (appended at the end it would hold all of them).
 */
export function interleaved(base: readonly Group[], extra: readonly (readonly Group[])[]): Group[] {
  if (extra.length === 0) return [...base];
  const out: Group[] = [];
  let next = 0;
  extra.forEach((copies, i) => {
    const until = Math.round(((i + 1) * base.length) / (extra.length + 1));
    while (next < until) out.push(base[next++] as Group);
    out.push(...copies);
  });
  while (next < base.length) out.push(base[next++] as Group);
  return out;
}

/**
 * Where five folds of `groups` start: near each fifth, moved on to where the article changes, so
 * one article's questions (and a question's two gold sentences) never sit on both sides.
 */
export function foldStarts(groups: readonly Group[], folds: number): number[] {
  const starts = [0];
  for (let k = 1; k < folds; k++) {
    let at = Math.max(Math.floor((groups.length * k) / folds), starts[starts.length - 1] ?? 0);
    while (at > 0 && at < groups.length && groups[at]?.key !== undefined && groups[at]?.key === groups[at - 1]?.key) at++;
    starts.push(at);
  }
  starts.push(groups.length);
  return starts;
}

/**
 * Whether a type's span model does better without a family of features: five-fold
 * cross-validation over the type's groups in their order, folds cut between articles
 * (`foldStarts`), both linear models trained on four folds and scored on the fifth (top-1). The
 * family goes only when leaving it out picks clearly more right candidates over all five: at
 * least two groups and 1% of them (one group is well inside fold noise). One validation fifth
 * of a small type (about 20 where-questions) was too few to decide on.
 */
function betterWithout(groups: readonly Group[], family: ReadonlySet<number>): boolean {
  if (groups.length < 30) return false;
  let withIt = 0;
  let without = 0;
  const starts = foldStarts(groups, FAMILY_FOLDS);
  for (let k = 0; k < FAMILY_FOLDS; k++) {
    const from = starts[k] ?? 0;
    const to = starts[k + 1] ?? groups.length;
    if (to <= from) continue;
    const fit = [...groups.slice(0, from), ...groups.slice(to)];
    const check = groups.slice(from, to);
    // Counts of right groups, whole numbers: (right / n) * n in floating point can miss the margin by an ulp.
    withIt += Math.round(groupAccuracy(check, trainConditionalLogit(fit, SPAN_FEATURES.length)) * check.length);
    without += Math.round(groupAccuracy(withoutFeatures(check, family), trainConditionalLogit(withoutFeatures(fit, family), SPAN_FEATURES.length)) * check.length);
  }
  return without - withIt >= Math.max(2, 0.01 * groups.length);
}

/**
 * One span weight vector per answer type; a type with few questions borrows the weights learnt
 * from all. The context features (OPEN_SPAN_FEATURES) are learnt for open questions only: a
 * typed question picks among a few candidates of one kind, where they fitted SQuAD's wording
 * and picked worse on the news questions ("Coupled" over "Nigel Lawson"); their typed weights stay 0.
 * The who/where evidence (TYPED_SPAN_FEATURES) is kept out of a type's model when
 * cross-validation over the type's own groups says it does better without (`withoutTyped`): on
 * SQuAD's open questions it cost 0.8 F1 end to end (session 13).
 * Boosted trees are added on the linear score for the types in `boost` (their number chosen on
 * the last fifth of that type's groups; none kept when they do not help there).
 */
export function trainSpanWeights(
  groupsByType: ReadonlyMap<AnswerType, readonly Group[]>,
  boost: readonly AnswerType[] = [],
  boostOptions: Partial<BoostOptions> = {},
): {
  weights: Record<AnswerType, number[]>;
  trees: Partial<Record<AnswerType, Tree[]>>;
  accuracy: number;
  groups: number;
  boosted: Partial<Record<AnswerType, Omit<BoostReport, 'trees'>>>;
  /** The types whose model leaves the who/where evidence out (chosen by 5-fold cross-validation on the type's groups). */
  withoutTyped: AnswerType[];
} {
  const weights = {} as Record<AnswerType, number[]>;
  const trees: Partial<Record<AnswerType, Tree[]>> = {};
  const boosted: Partial<Record<AnswerType, Omit<BoostReport, 'trees'>>> = {};
  const withoutTyped: AnswerType[] = [];
  let right = 0;
  let total = 0;
  const open = new Set(OPEN_SPAN_FEATURES.map((f) => SPAN_FEATURES.indexOf(f)));
  const typedCues = new Set(TYPED_SPAN_FEATURES.map((f) => SPAN_FEATURES.indexOf(f)));
  const every = [...groupsByType.values()].flat();
  for (const t of ANSWER_TYPES) {
    const own = groupsByType.get(t) ?? [];
    let groups = t === 'other' ? own : withoutFeatures(own, open);
    if (betterWithout(groups, typedCues)) {
      withoutTyped.push(t);
      groups = withoutFeatures(groups, typedCues);
    }
    const w = trainConditionalLogit(groups.length >= 30 ? groups : t === 'other' ? every : withoutFeatures(every, open), SPAN_FEATURES.length);
    weights[t] = w;
    if (boost.includes(t) && groups.length >= 30) {
      const report = trainBoosted(groups, SPAN_FEATURES.length, (x) => dot(w, x), boostOptions);
      if (report.chosen > 0) trees[t] = report.trees;
      boosted[t] = summary(report);
    }
    right += groupAccuracy(groups, w) * groups.length;
    total += groups.length;
  }
  return { weights, trees, accuracy: total ? right / total : 0, groups: total, boosted, withoutTyped };
}

/** The question as `Engine.askPool` builds it, without the retrieval: the span model reads no pool. */
export function questionOf(engine: Engine, question: string): QuestionView {
  const { index } = engine;
  const unseen = Math.log(1 + (index.size + 0.5) / 0.5);
  return questionView(question, checkedQuery(question, 'question'), (term) => {
    const id = index.vocab.get(term);
    return id === undefined ? unseen : index.idf(id);
  }, engine.askWeights.align, engine.askWeights.typePrior);
}

/** A question with the sentences of its gold paragraph that hold a gold answer. */
export interface SpanItem {
  g: GoldQuestion;
  q: QuestionView;
  sentences: string[];
}

/**
 * Each question that can be asked and whose gold paragraph holds a gold answer, with those
 * sentences. Each question reads the prior `priorOf` gives (none by default), never the engine's:
 * that one counted every question, held-out ones included.
 */
export function spanItems(engine: Engine, questions: readonly GoldQuestion[], priorOf: (g: GoldQuestion) => TypePrior | undefined = () => undefined): SpanItem[] {
  const out: SpanItem[] = [];
  for (const g of questions) {
    let q: QuestionView;
    try {
      q = withPrior(questionOf(engine, g.question), priorOf(g));
    } catch (e) {
      // A question of stop words only is refused as a user's would be; anything else is a bug.
      if (e instanceof UserError) continue;
      throw e;
    }
    const gold = goldSentences(engine, g, q);
    const sentences = gold ? gold.sentences.filter((_, i) => gold.positive[i]).map((x) => x.sentence.text) : [];
    if (sentences.length > 0) out.push({ g, q, sentences });
  }
  return out;
}

/** The span model's training groups by answer type: one per gold sentence with a close enough candidate. */
export function spanGroupsOf(items: readonly SpanItem[]): Map<AnswerType, Group[]> {
  const groups = new Map<AnswerType, Group[]>(ANSWER_TYPES.map((t) => [t, []]));
  for (const { g, q, sentences } of items) {
    for (const s of sentences) {
      const group = spanGroup(s, q, g.answers);
      if (group) groups.get(q.type)?.push({ ...group, key: g.article });
    }
  }
  return groups;
}

/**
 * Retrains the span model alone over a base's sentence and passage models (whose features the
 * span code does not read): the gold sentences need no retrieval, so this takes a minute or two
 * where the whole training takes a quarter of an hour. The span trees are boosted as
 * `trainAskWeights` boosts them (open questions only, unless `trees` is false).
 */
export function trainSpanOnly(
  engine: Engine,
  questions: readonly GoldQuestion[],
  base: AskWeights,
  trainedOn: string,
  options: { trees?: boolean; spanBoost?: Partial<BoostOptions>; typePrior?: boolean } = {},
): { weights: AskWeights; report: Pick<TrainReport, 'questions' | 'spanGroups' | 'spanAccuracy' | 'spanTrees' | 'spanWithoutTyped'> } {
  // The prior counted afresh (cross-fitted for the features, all questions' stored), as trainAskWeights counts it.
  const typed = countedPrior(engine, questions, options.typePrior ?? true);
  const items = spanItems(engine, questions, (g) => typed?.of(g.article));
  const span = trainSpanWeights(spanGroupsOf(items), (options.trees ?? true) ? ['other'] : [], options.spanBoost);
  return {
    weights: {
      // Without a prior the stored one goes too: every model then reads its features as 0.
      ...withoutPrior(base),
      trainedOn: `${base.trainedOn.replace(/; span model: .*$/, '')}; span model: ${trainedOn}`,
      span: { features: [...SPAN_FEATURES], weights: span.weights, ...(Object.keys(span.trees).length ? { trees: span.trees } : {}) },
      ...(typed ? { typePrior: typed.all } : {}),
    },
    report: { questions: items.length, spanGroups: span.groups, spanAccuracy: span.accuracy, spanTrees: span.boosted, spanWithoutTyped: span.withoutTyped },
  };
}

function withoutPrior(w: AskWeights): AskWeights {
  const { typePrior: _dropped, ...rest } = w;
  return rest;
}

/** The pool size used for training the passage model; the engine re-ranks the same pool. */
export const TRAIN_POOL = 20;
/**
 * Retrieved passages whose sentences the sentence model also learns against (wrong items beside
 * the gold paragraph's). On SQuAD held-out, 4 against 0: recall@1 0.845 → 0.858 and answer
 * sentence 0.768 → 0.780, the choice within a passage unchanged; training takes ~3× as long.
 */
export const SENTENCE_POOL = 4;

/** A training question as the engine asks it, with the gold paragraph's sentences (undefined when the archive lacks it). */
export interface AskedQuestion {
  g: GoldQuestion;
  q: QuestionView;
  pool: Ranked[];
  gold: ReturnType<typeof goldSentences>;
}

/**
 * Each question asked for a TRAIN_POOL pool, in turn; those that cannot be asked are skipped.
 * `alignOf` gives the translation table each question is read with (never one that learnt from
 * it); without it, the engine's.
 */
export function* askedQuestions(
  engine: Engine,
  questions: readonly GoldQuestion[],
  alignOf?: (g: GoldQuestion) => AlignTable | undefined,
  /** The answer-type prior each question is read with (never one that counted it); without it, the engine's. */
  priorOf?: (g: GoldQuestion) => TypePrior | undefined,
): Generator<AskedQuestion> {
  for (const g of questions) {
    let asked: ReturnType<Engine['askPool']>;
    try {
      asked = engine.askPool(g.question, TRAIN_POOL);
    } catch {
      continue; // a question of stop words only: nothing to learn from
    }
    const aligned = alignOf ? withAlign(asked.q, alignOf(g)) : asked.q;
    const q = priorOf ? withPrior(aligned, priorOf(g)) : aligned;
    yield { g, pool: asked.pool, q, gold: goldSentences(engine, g, q) };
  }
}

/** A translation-table training pair and the article it comes from (the cross-fitting folds are cut by article). */
export interface ArticlePair extends AlignPair {
  source: string;
}

/** Each question's terms paired with each sentence of its gold paragraph that holds a gold answer. */
export function alignPairs(engine: Engine, questions: readonly GoldQuestion[]): ArticlePair[] {
  const out: ArticlePair[] = [];
  const articleAt = new Map(engine.index.articles.map((a, i) => [a.id, i]));
  for (const g of questions) {
    const article = articleAt.get(g.article);
    if (article === undefined) continue;
    let terms: string[];
    try {
      terms = checkedQuery(g.question, 'question');
    } catch (e) {
      if (e instanceof UserError) continue;
      throw e;
    }
    const paragraph = engine.index.articles[article]?.paragraphs[g.paragraph - 1];
    if (paragraph === undefined) continue;
    for (const s of splitSentences(paragraph)) {
      if (holdsAnswer(s.text, g.answers)) out.push({ source: g.article, question: terms, sentence: sentenceTerms(s.text) });
    }
  }
  return out;
}

/**
 * The answer-type prior counted from the questions, cross-fitted (crossFitPrior), or undefined
 * when training without one (`on` false): then no question reads a prior, the engine's included.
 */
export function countedPrior(engine: Engine, questions: readonly GoldQuestion[], on: boolean): ReturnType<typeof crossFitPrior> | undefined {
  return on ? crossFitPrior(priorExamples(engine, questions)) : undefined;
}

/** Each question's keys (type-prior.ts questionKeys) with the kinds of its gold answers in the gold paragraph: the answer-type prior's training examples. */
export function priorExamples(engine: Engine, questions: readonly GoldQuestion[]): PriorExample[] {
  const out: PriorExample[] = [];
  const articleAt = new Map(engine.index.articles.map((a, i) => [a.id, i]));
  const f1 = (prediction: string, gold: string): number => answerScores(prediction, [gold]).f1;
  for (const g of questions) {
    const paragraph = engine.index.articles[articleAt.get(g.article) ?? -1]?.paragraphs[g.paragraph - 1];
    if (paragraph === undefined) continue;
    let q: QuestionView;
    try {
      q = questionOf(engine, g.question);
    } catch (e) {
      if (e instanceof UserError) continue;
      throw e;
    }
    const label = priorLabel(paragraph, g.answers, holdsAnswer, f1);
    if (label) out.push({ source: g.article, keys: questionKeys(q.text, q.wh, q.terms), label });
  }
  return out;
}

/**
 * News headlines paired with their story's first sentence: a headline says in few words what the
 * lead says in others ("Mido axed from Egypt squad" / "… Mido was dropped from …"), as a question
 * asks in other words than its answer sentence. Many more pairs than a question set gives.
 */
export function headlinePairs(articles: readonly Article[], exclude: ReadonlySet<string> = new Set()): AlignPair[] {
  const out: AlignPair[] = [];
  for (const a of articles) {
    // The articles questions are asked about (bench/news-articles.ts): the table must not know their own wording.
    if (exclude.has(a.id)) continue;
    const lead = a.paragraphs[a.headline ? 1 : 0];
    const first = lead === undefined ? undefined : splitSentences(lead)[0];
    const title = terms(a.title);
    if (!first || title.length === 0) continue;
    out.push({ question: title, sentence: sentenceTerms(first.text), source: a.id });
  }
  return out;
}

/** Folds of the translation table's cross-fitting. */
export const ALIGN_FOLDS = 5;

/**
 * The translation table learnt from all the pairs, and for each article the table learnt
 * without its fold: training features read a question with a table that never saw it, as the
 * committed table never saw the questions users ask. Folds are runs of whole articles in order.
 */
export function crossFitAlign(
  pairs: readonly ArticlePair[],
  trainedOn: string,
  options: Partial<AlignTrainOptions> = {},
  folds = ALIGN_FOLDS,
  /** Pairs every table learns from besides the questions (headlinePairs): never the questions scored. */
  extra: readonly AlignPair[] = [],
): { all: AlignTable; of: (article: string) => AlignTable | undefined } {
  const foldOf = articleFolds(pairs.map((p) => p.source), folds);
  const tables = Array.from({ length: folds }, (_, k) => trainAlignTable([...pairs.filter((p) => foldOf.get(p.source) !== k), ...extra], `${trainedOn}, fold ${k + 1} of ${folds} left out`, options));
  const all = trainAlignTable([...pairs, ...extra], trainedOn, options);
  // An article without pairs taught no table anything: the whole table never saw it.
  return { all, of: (article) => (foldOf.has(article) ? tables[foldOf.get(article) ?? 0] : all) };
}

/**
 * Folds of the sentence model's cross-fitting for the passage model's training (crossFitRanker);
 * 1 reads the pools with the committed sentence model, in sample. Chosen by measurement
 * (session 18, SQuAD train part, both steps): 5 folds (as many as the table's, ALIGN_FOLDS, in the
 * same scheme over the sentence groups' own articles) against 1 gave held out answer
 * sentence 0.781 vs 0.785, recall@1 0.860 vs 0.865, and 62 vs 66 of the 120 unseen news
 * questions, for a third more training time: no gain, so the default stays in sample. The
 * passage model's trees fell from 83 to 1 over the honest scores: what they learnt was the
 * in-sample scores' optimism, and the linear model reads the honest ones as well as it did.
 */
export const SENTENCE_FOLDS = 1;

/**
 * A ranker as a model trained on other questions must read it: for each article, the one
 * `train` fitted without the article's fold (articleFolds over `articles`, the article of each
 * group in turn); `all` (fitted on every group) for an article no group comes from, which it
 * never saw either. One fold: `all` everywhere, the in-sample reading.
 * Why: the passage model reads the sentence model's scores (scorePool). On the questions that
 * model was fitted on (a linear model plus a few hundred trees) its scores are better than on a user's
 * question, so a passage model learnt over in-sample scores trusts them too much; read out of
 * fold, they are as good as they will be on unseen questions (stacking's cross-fitting).
 */
export function crossFitRanker(groups: readonly Group[], articles: readonly string[], folds: number, train: (groups: Group[]) => Ranker, all: Ranker): (article: string) => Ranker {
  if (articles.length !== groups.length) throw new Error(`crossFitRanker: ${groups.length} groups but ${articles.length} articles`);
  checkFolds(folds);
  if (folds === 1) return () => all;
  const foldOf = articleFolds(articles, folds);
  const models = new Map<number, Ranker>();
  for (const k of new Set(foldOf.values())) models.set(k, train(groups.filter((_, i) => foldOf.get(articles[i] ?? '') !== k)));
  return (article) => {
    const k = foldOf.get(article);
    return (k === undefined ? undefined : models.get(k)) ?? all;
  };
}

/** crossFitRanker for the passage model's training, timed (the fold models are most of its cost). A passage-only run keeps a sentence model fitted elsewhere: 1 fold, nothing to fit. */
function sentenceCrossFit(groups: readonly Group[], articles: readonly string[], folds: number, all: Ranker, train: (groups: Group[]) => Ranker): { of: (article: string) => Ranker; folds: number; seconds: number } {
  const started = performance.now();
  const of = crossFitRanker(groups, articles, folds, train, all);
  return { of, folds, seconds: (performance.now() - started) / 1000 };
}

function checkFolds(folds: number): void {
  if (!(Number.isInteger(folds) && folds >= 1)) throw new UserError(`the sentence folds must be a whole number of 1 or more (got ${folds})`);
}

/**
 * The default weights with this sentence model and without the committed pick: the passage
 * features read the sentence model alone, and the pick would only cost time when scoring pools.
 */
function sentenceOnly(sentence: Ranker): AskWeights {
  const { pick: _committedPick, ...defaults } = DEFAULT_ASK_WEIGHTS;
  return { ...defaults, sentence };
}

/**
 * The passage model's training groups: each question's pool scored (scorePool) under the
 * sentence model `sentenceOf` gives for its article (crossFitRanker: one that never saw it).
 */
export function passageTrainingGroups(engine: Engine, prepared: readonly AskedQuestion[], sentenceOf: (article: string) => Ranker): Group[] {
  const weightsOf = new Map<Ranker, AskWeights>();
  return prepared.map(({ g, q, pool }) => {
    const sentence = sentenceOf(g.article);
    let weights = weightsOf.get(sentence);
    if (!weights) weightsOf.set(sentence, (weights = sentenceOnly(sentence)));
    return passageGroup(engine, g, q, pool, weights);
  });
}

/**
 * Trains the three answer models on questions over the engine's archive: the sentence model
 * on the gold paragraph's sentences, the passage model on the retrieved pool (with the new
 * sentence model's scores as a feature), the span model on the candidates of the sentence that
 * holds the answer (a candidate is right when its token F1 with a gold answer is the best
 * available and at least 0.5).
 */
export function trainAskWeights(
  engine: Engine,
  questions: readonly GoldQuestion[],
  trainedOn: string,
  options: Partial<AskTrainOptions> = {},
): { weights: AskWeights; report: TrainReport; passageVariants?: PassageVariant[] } {
  const boost = options.trees ?? true;
  checkFolds(options.sentenceFolds ?? SENTENCE_FOLDS); // before the quarter of an hour of asking, not after
  const sentenceGroups: Group[] = [];
  const pickGroups: Group[] = [];
  const spanGroups = new Map<AnswerType, Group[]>(ANSWER_TYPES.map((t) => [t, []]));
  const prepared: AskedQuestion[] = [];
  /** The article of each sentence group: the sentence model's cross-fitting folds are cut by article. */
  const sentenceArticles: string[] = [];
  const kept = options.passageOnly;
  const aligned = (options.align ?? true) ? crossFitAlign(alignPairs(engine, questions), `${trainedOn}${options.alignExtra?.length ? ` + ${options.alignExtra.length} headline / lead pairs` : ''}`, options.alignOptions, ALIGN_FOLDS, options.alignExtra) : undefined;
  // Every question is read with a table that never saw it (none when not learning one), never with the engine's.
  const alignOf = (g: GoldQuestion): AlignTable | undefined => aligned?.of(g.article);
  // The answer-type prior, cross-fitted in the table's scheme (over its own articles): a question's features never read a prior that counted it.
  const typed = countedPrior(engine, questions, options.typePrior ?? true);
  for (const asked of askedQuestions(engine, questions, alignOf, (g) => typed?.of(g.article))) {
    const { g, q, pool, gold } = asked;
    prepared.push(asked);
    if (gold && !kept) {
      const { sentences, positive } = gold;
      const others = options.sentencePool ?? SENTENCE_POOL;
      const group = others > 0 ? sentenceGroup(engine, g, q, pool, others, gold) : undefined;
      sentenceGroups.push(withoutPickOnly(group ?? { features: sentences.map((s) => s.features), positive }));
      sentenceArticles.push(g.article);
      pickGroups.push({ features: sentences.map((s) => s.features), positive });
      for (const s of sentences.filter((_, i) => positive[i])) {
        const group = spanGroup(s.sentence.text, q, g.answers);
        // The article keys the span model's cross-validation folds (foldStarts), as spanGroupsOf does.
        if (group) spanGroups.get(q.type)?.push({ ...group, key: g.article });
      }
    }
  }

  const trainedSentence = kept ? undefined : trainRanker(sentenceGroups, SENTENCE_FEATURES, boost, options.sentenceBoost);
  // Span trees for open questions only: on SQuAD's training part the typed types' validation kept 0–3 trees.
  const span = kept
    ? { weights: kept.span.weights, trees: kept.span.trees ?? {}, accuracy: 0, groups: 0, boosted: {}, withoutTyped: [] }
    : trainSpanWeights(spanGroups, boost ? ['other'] : [], options.spanBoost);
  const sentence = kept ? kept.sentence : (trainedSentence as NonNullable<typeof trainedSentence>).ranker;
  const trainedPick = kept || options.pick === false ? undefined : trainRanker(pickGroups, SENTENCE_FEATURES, boost, options.sentenceBoost);
  const pick = kept ? kept.pick : trainedPick?.ranker;
  const withSentences = sentenceOnly(sentence);
  const crossFit = sentenceCrossFit(sentenceGroups, sentenceArticles, kept ? 1 : (options.sentenceFolds ?? SENTENCE_FOLDS), sentence, (groups) => trainRanker(groups, SENTENCE_FEATURES, boost, options.sentenceBoost).ranker);
  const passageGroups = passageTrainingGroups(engine, prepared, crossFit.of);
  const news = newsPassageGroups(options.news ?? [], withSentences, options.newsWeight ?? 1, kept ? kept.align : aligned?.all);
  const passageTraining = interleaved(passageGroups, news);
  const { ranker: passage, trained: passageTrained } = trainRanker(passageTraining, PASSAGE_FEATURES, boost, options.passageBoost);
  const passageVariants = (options.passageVariants ?? []).map((o) => {
    const { ranker, trained } = trainRanker(passageTraining, PASSAGE_FEATURES, true, { ...options.passageBoost, ...o });
    return { boost: o, passage: ranker, ...(trained.trees ? { trees: trained.trees } : {}) };
  });
  const newsOnce = news.map((copies) => copies[0] as Group).filter((g) => g.positive.some(Boolean));
  const weights: AskWeights = {
    version: 1,
    // Passage-only: the kept sentence, pick and span models say what they were trained on (a held-out evaluation must not read "train" over models fitted on all).
    trainedOn: kept ? `${kept.trainedOn.replace(/; passage model: .*$/, '')}; passage model: ${trainedOn}` : trainedOn,
    sentence,
    ...(pick ? { pick } : {}),
    passage,
    ...(kept ? (kept.align ? { align: kept.align } : {}) : aligned ? { align: aligned.all } : {}),
    ...(kept ? (kept.typePrior ? { typePrior: kept.typePrior } : {}) : typed ? { typePrior: typed.all } : {}),
    span: {
      features: [...SPAN_FEATURES],
      weights: span.weights,
      ...(Object.keys(span.trees).length ? { trees: span.trees } : {}),
    },
  };
  return {
    weights,
    ...(passageVariants.length ? { passageVariants } : {}),
    report: {
      questions: prepared.length,
      sentenceGroups: sentenceGroups.length,
      passageGroups: passageGroups.length,
      spanGroups: span.groups,
      sentenceAccuracy: trainedSentence?.trained.accuracy ?? 0,
      ...(trainedPick ? { pickAccuracy: trainedPick.trained.accuracy, ...(trainedPick.trained.trees ? { pickTrees: trainedPick.trained.trees } : {}) } : {}),
      passageAccuracy: passageTrained.accuracy,
      ...(options.news ? { newsGroups: newsOnce.length, newsAsked: news.length, newsAccuracy: groupAccuracy(newsOnce, passage.weights) } : {}),
      ...(trainedSentence?.trained.trees ? { sentenceTrees: trainedSentence.trained.trees } : {}),
      ...(passageTrained.trees ? { passageTrees: passageTrained.trees } : {}),
      sentenceFolds: crossFit.folds,
      sentenceFoldSeconds: crossFit.seconds,
      spanAccuracy: span.accuracy,
      spanTrees: span.boosted,
      spanWithoutTyped: span.withoutTyped,
      ...(aligned ? { align: { pairs: aligned.all.pairs - (options.alignExtra?.length ?? 0), extra: options.alignExtra?.length ?? 0, words: Object.keys(aligned.all.table).length, folds: ALIGN_FOLDS } } : {}),
    },
  };
}

const PICK_ONLY_AT = PICK_ONLY_SENTENCE_FEATURES.map((f) => SENTENCE_FEATURES.indexOf(f));

/**
 * A sentence group with the pick-only features at 0: the sentence model, whose score the passage
 * model reads, learns weight 0 for them (a constant column moves neither the linear model nor a
 * tree). Learnt by both, they gained within the paragraph but cost the passage choice held out.
 */
export function withoutPickOnly(group: Group): Group {
  return {
    ...group,
    features: group.features.map((x) => {
      const y = [...x];
      for (const k of PICK_ONLY_AT) y[k] = 0;
      return y;
    }),
  };
}

/** A conditional-logit ranker (sentence, pick, passage), with boosted trees on top when `boost`, and its training figures. */
function trainRanker(
  groups: readonly Group[],
  features: readonly string[],
  boost: boolean,
  options: Partial<BoostOptions> | undefined,
): { ranker: Ranker; trained: { accuracy: number; trees?: Omit<BoostReport, 'trees'> } } {
  const weights = trainConditionalLogit(groups, features.length);
  const boosted = boost ? trainBoosted(groups, features.length, (x) => dot(weights, x), options) : undefined;
  return {
    ranker: { features: [...features], weights, ...(boosted ? { trees: boosted.trees } : {}) },
    trained: { accuracy: groupAccuracy(groups, weights), ...(boosted ? { trees: summary(boosted) } : {}) },
  };
}

function summary({ chosen, validationTop1Before, validationTop1After }: BoostReport): Omit<BoostReport, 'trees'> {
  return { chosen, validationTop1Before, validationTop1After };
}
