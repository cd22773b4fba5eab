import { ANSWER_TYPES, type AnswerType } from './question.js';
import weightsJson from './ask-weights.json' with { type: 'json' };
import { checkForest, dot, forestValue, teaches, type Group, type Tree } from './boost.js';
import { ALIGN_FEATURE_COUNT, parseAlignTable, type AlignTable } from './align.js';
import { ALIGN_PASSAGE_FEATURE_COUNT } from './passage-align.js';
import { parseCorrection, passageFingerprint, type NewsCorrection } from './news-correction.js';
import { parseTypePrior, type TypePrior } from './type-prior.js';

/**
 * The three small linear models of `ask`, each a conditional logit (a softmax over the items
 * of one question): which passage of the retrieved pool answers, which sentence of a passage,
 * which candidate phrase of that sentence. Trained by `npm run train:ask`; the weights are a
 * small committed JSON file.
 */
export interface AskWeights {
  version: 1;
  /** What the weights were trained on, for the record. */
  trainedOn: string;
  sentence: Ranker;
  /**
   * Which sentence of a chosen passage is shown (same features as `sentence`). The sentence model
   * also learns against other passages' sentences, since the passage model reads its score; this
   * one learns only within the gold paragraph. Absent: the sentence model picks.
   */
  pick?: Ranker;
  passage: Ranker;
  /**
   * The learnt question-to-sentence word translation table (align.ts) the ALIGN_SENTENCE_FEATURES
   * read. Absent: those features are 0.
   */
  align?: AlignTable;
  /**
   * The learnt answer-type prior (type-prior.ts) the span model's `prior:kind` reads. Absent: that
   * feature is 0.
   */
  typePrior?: TypePrior;
  /**
   * One weight vector per expected answer type: a date is the answer to "when", not to "who".
   * Optional boosted trees per type on top of the linear score (what/which questions: the context
   * of a phrase counts differently for a name than for a plain phrase).
   */
  span: {
    features: string[];
    weights: Record<AnswerType, number[]>;
    trees?: Partial<Record<AnswerType, Tree[]>>;
  };
  /** A second stage on the passage score learnt from news questions only (news-correction.ts). Absent: none. */
  newsCorrection?: NewsCorrection;
}

/** A linear score plus boosted trees over the same features (boost.ts); no trees is the plain linear model. */
export interface Ranker {
  features: string[];
  weights: number[];
  trees?: Tree[];
}

/** A candidate phrase's score under the span model of a question type. */
export function spanScore(span: AskWeights['span'], type: AnswerType, x: readonly number[]): number {
  const trees = span.trees?.[type];
  return rankerScore({ features: [], weights: span.weights[type], ...(trees ? { trees } : {}) }, x);
}

/** An item's score under a ranker. */
export function rankerScore(r: Ranker, x: readonly number[]): number {
  return r.trees ? dot(r.weights, x) + forestValue(r.trees, x) : dot(r.weights, x);
}

/**
 * Why-questions (answer.ts causeCues): the sentence has a reason/purpose/result cue ("because",
 * "due to", "in order to", "led to", "after"), one after the question's relation words ("closed
 * because…"), one before them ("Due to the flood, … closed").
 */
export const CAUSE_SENTENCE_FEATURES = ['cause×cue', 'cause×cueAfter', 'cause×cueBefore'] as const;
/** Where-questions (places.ts): a new name in the sentence is a known place or has a place word; it is of the kind the head asks for ("What *country*…"). */
export const PLACE_SENTENCE_FEATURES = ['place×known', 'place×kindMatch'] as const;
/**
 * A sentence read with the one it points back at (answer.ts pointerReading): an "It/This/They…"
 * sentence's question words together with its predecessor's; the next sentence points back at this
 * one and matches the question; the same when the question asks for the subject ("Who wrote…",
 * "What is the fastest…": the pointer stands where the answer is, so the answer is the referent);
 * a pointer sentence that answers a subject question.
 */
export const POINTER_SENTENCE_FEATURES = ['pairOverlap', 'pairGain', 'pointedBack', 'pointedBack×subject', 'anaphor×subject'] as const;
/**
 * Paraphrase evidence from the learnt word translation table (align.ts alignFeatures): the
 * Model-1 likelihood of the question given the sentence; the question's weight the sentence says
 * in other words only; the focus word said in other words; the likelihood against the passage's
 * best; what the sentence before adds for a pointer sentence.
 */
export const ALIGN_SENTENCE_FEATURES = ['align:loglik', 'align:unmatched', 'align:focus', 'align:vsBest', 'align:pairGain'] as const;
/**
 * The question's wording in the sentence (frame.ts frameFeatures): its words in its order (a
 * weighted longest common subsequence, share of the question); the frame after the wh-word in
 * order, literally, by word family or in the table's words; the question's words close to a
 * candidate of the expected type, distance-weighted.
 */
export const FRAME_SENTENCE_FEATURES = ['frame:lcs', 'frame:afterWh', 'frame:typedNear'] as const;
/** Where-questions: a locative phrase right after the question's relation word, its noun new ("work in nursing homes"): answer.ts locativeAfterRelation. */
export const LOCATIVE_SENTENCE_FEATURES = ['place×locativeAfter'] as const;
/**
 * A sentence beside its neighbours (answer.ts pairReading): the question's weight the sentence
 * before adds to this one's, the same for the sentence after, and the question's weight this
 * sentence holds that the passage's best-overlap sentence lacks. A question is often written from
 * two sentences: one restating its words, the next (or previous) holding the answer and the rest.
 */
export const PAIR_SENTENCE_FEATURES = ['pair:prevGain', 'pair:nextGain', 'pair:complement'] as const;
/**
 * Sentence features only the pick model learns (ask-train.ts trains the sentence model with them
 * at 0): the pair features chose the shown sentence better within the gold paragraph (held out
 * 0.879 → 0.889), but read by the sentence model, whose score the passage model reads, they cost
 * recall@1 (0.863 → 0.857) and the unseen news one question.
 */
export const PICK_ONLY_SENTENCE_FEATURES: readonly (typeof SENTENCE_FEATURES)[number][] = PAIR_SENTENCE_FEATURES;
export const SENTENCE_FEATURES = [
  'overlap', 'overlapCount', 'localOverlap', 'topicOverlap', 'relationOverlap', 'bestOverlap', 'proximity', 'bigram', 'newContent', 'first', 'position', 'length', 'rarest', 'keyRelation',
  'prevOverlap', 'nextOverlap', 'typed:person', 'typed:time', 'typed:number', 'typed:place', 'typed:cause', 'typedNear',
  'candWindow', 'relationWindow', 'agent',
  'softOverlap', 'bestSoft', 'inOrder', 'density', 'focus', 'focusTyped', 'anaphor', 'anaphor×prevOverlap', 'afterBest', 'isBest',
  'other×overlap', 'other×relationOverlap', 'other×newContent', 'other×localOverlap', 'locativePlace',
  ...CAUSE_SENTENCE_FEATURES,
  ...PLACE_SENTENCE_FEATURES,
  ...POINTER_SENTENCE_FEATURES,
  ...ALIGN_SENTENCE_FEATURES,
  ...FRAME_SENTENCE_FEATURES,
  ...LOCATIVE_SENTENCE_FEATURES,
  ...PAIR_SENTENCE_FEATURES,
] as const;
if (ALIGN_SENTENCE_FEATURES.length !== ALIGN_FEATURE_COUNT) throw new Error('align.ts and ALIGN_SENTENCE_FEATURES disagree on the feature count');
/** A pool passage against its siblings (the other pool passages of its article): answer.ts relativeToSiblings. */
export const RELATIVE_PASSAGE_FEATURES = [
  'sentenceVsArticle', 'siblings', 'articleFirst', 'typedVsArticle', 'typedNearVsArticle', 'relationVsArticle',
  'uniqueCover', 'bestFocusTyped', 'overlapVsArticle',
] as const;
/**
 * Paraphrase evidence for the whole passage from the word translation table (passage-align.ts):
 * the translation language model's log-likelihood of the question given the passage, against the
 * pool's best and the best of its own article's pool passages, and the question's weight the
 * passage says only in other words.
 */
export const ALIGN_PASSAGE_FEATURES = ['tlm:loglik', 'tlm:vsPool', 'tlm:vsArticle', 'tlm:otherWords'] as const;
export const PASSAGE_FEATURES = [
  'score', 'rank', 'sentence', 'typedSentence', 'typedPassage', 'lead', 'overlap', 'title', 'articleRank', 'topArticle', 'sentences',
  'bestOverlap', 'bestRelation', 'bestTypedNear', 'articleLocal', 'articleOverlap',
  ...RELATIVE_PASSAGE_FEATURES,
  ...ALIGN_PASSAGE_FEATURES,
] as const;
if (ALIGN_PASSAGE_FEATURES.length !== ALIGN_PASSAGE_FEATURE_COUNT) throw new Error('passage-align.ts and ALIGN_PASSAGE_FEATURES disagree on the feature count');
/** Span features about a candidate's context, learnt for open (what/which/how) questions only (see trainSpanWeights). */
export const OPEN_SPAN_FEATURES = [
  'boundaryLeft', 'boundaryRight', 'afterOf', 'afterIn', 'afterForTo', 'afterAs', 'afterDeterminer', 'afterQuestionWord',
  'beforeOf', 'beforePreposition', 'beforeVerb', 'beforeConjunction', 'beforeRelative', 'beforeQuestionWord', 'sentenceEnd',
  'window6', 'window12', 'relationDist', 'quoted', 'allCapitals', 'someCapitals', 'adverbEnd', 'verbEnd', 'repeatsQuestion',
  'containsFocus', 'which×capitalised', 'what×capitalised', 'how×phrase', 'how×oneWord',
] as const;
/** What kind of name a capitalised candidate is (answer.ts nameCues): a person, an organisation, a nationality, no name. */
export const NAME_SPAN_FEATURES = ['firstName', 'personLike', 'titled', 'organisation', 'demonym', 'nonStarter'] as const;
/** The wh-phrase's noun (questionShape's head) beside or inside the candidate. */
export const HEAD_SPAN_FEATURES = ['headBefore', 'headAfter', 'headIntro', 'containsHead'] as const;
/** Span features aligning the candidate's sides with the wh-word's place in the question (questionShape). */
export const ALIGN_SPAN_FEATURES = ['subject×after', 'subject×before', 'auxiliary×after', 'auxiliary×before', 'frontedBefore', 'frontedAfter', 'between', 'centreDist'] as const;
/**
 * Who/where evidence (answer.ts typedCues), learnt for every type: a known place or a place word
 * in the run, the candidate as the agent ("owned by X"), subject or object of the question's
 * relation word, a role word beside it (and whether the question names that role: "mayor"),
 * two names joined by "and", a word glued on by a hyphen ("pay-TV"), a locative after the
 * question's words ("located in X"), a known place of the kind the question's head asks for
 * ("What city…" → a city) or of another kind, an amount whose unit the question names ("in pounds").
 */
export const TYPED_SPAN_FEATURES = [
  'knownPlace', 'placeWord', 'agentOfRelation', 'subjectOfRelation', 'objectOfRelation', 'roleBefore', 'roleInQuestion', 'coordinated',
  'hyphenGlued', 'relationLocative', 'ofRun', 'openerWord', 'placeKindMatch', 'placeKindClash', 'unitInQuestion',
] as const;
/** The learnt answer-type prior's mass of the candidate's kind (type-prior.ts). */
export const TYPE_PRIOR_SPAN_FEATURES = ['prior:kind'] as const;
export const SPAN_FEATURES = [
  'name', 'time', 'number', 'cause', 'phrase', 'inQuestion', 'near', 'logDist', 'qAround', 'length', 'single',
  'adjacentAfter', 'before', 'paren', 'locative', 'agent', 'sentenceStart', 'unit', 'long', 'afterCopula',
  'adjacentBefore', 'afterAuxiliary', 'verbForm', 'capitalised', 'nearBefore', 'nearAfter', 'relationNear', 'length2', 'length3',
  'endsClause', 'afterComma', 'digit', 'focusNear', 'focusClose',
  ...OPEN_SPAN_FEATURES,
  ...ALIGN_SPAN_FEATURES,
  ...NAME_SPAN_FEATURES,
  ...HEAD_SPAN_FEATURES,
  ...TYPED_SPAN_FEATURES,
  ...TYPE_PRIOR_SPAN_FEATURES,
] as const;

/** Checks a weights document against the feature lists this code computes. */
export function parseWeights(doc: unknown): AskWeights {
  const fail = (why: string): never => {
    throw new Error(`ask weights: ${why}; retrain with npm run train:ask`);
  };
  if (typeof doc !== 'object' || doc === null) return fail('not an object');
  const w = doc as Partial<AskWeights>;
  if (w.version !== 1) fail(`unknown version ${String(w.version)}`);
  const check = (name: string, part: { features?: unknown; weights?: unknown } | undefined, expected: readonly string[]): void => {
    if (!part || !Array.isArray(part.features) || part.features.join() !== expected.join()) fail(`${name} features differ from the code's`);
  };
  const vector = (name: string, v: unknown, n: number): void => {
    if (!Array.isArray(v) || v.length !== n || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) fail(`${name} needs ${n} finite numbers`);
  };
  check('sentence', w.sentence, SENTENCE_FEATURES);
  vector('sentence', w.sentence?.weights, SENTENCE_FEATURES.length);
  check('passage', w.passage, PASSAGE_FEATURES);
  vector('passage', w.passage?.weights, PASSAGE_FEATURES.length);
  if (w.sentence?.trees !== undefined) w.sentence.trees = checkForest(w.sentence.trees, SENTENCE_FEATURES.length, 'sentence');
  if (w.pick !== undefined) {
    check('pick', w.pick, SENTENCE_FEATURES);
    vector('pick', w.pick.weights, SENTENCE_FEATURES.length);
    if (w.pick.trees !== undefined) w.pick.trees = checkForest(w.pick.trees, SENTENCE_FEATURES.length, 'pick');
  }
  if (w.passage?.trees !== undefined) w.passage.trees = checkForest(w.passage.trees, PASSAGE_FEATURES.length, 'passage');
  if (w.align !== undefined) w.align = parseAlignTable(w.align);
  if (w.typePrior !== undefined) {
    try {
      w.typePrior = parseTypePrior(w.typePrior);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  }
  if (w.newsCorrection !== undefined) {
    try {
      w.newsCorrection = parseCorrection(w.newsCorrection);
      if (w.passage && w.newsCorrection.passage !== passageFingerprint(w.passage)) throw new Error('news correction: fit over another passage model');
    } catch (e) {
      // The correction is fit by its own script, over a trained passage model.
      throw new Error(`ask weights: ${e instanceof Error ? e.message : String(e)}; fit it again with npm run train:news-correction`);
    }
  }
  check('span', w.span, SPAN_FEATURES);
  for (const t of ANSWER_TYPES) vector(`span ${t}`, w.span?.weights?.[t], SPAN_FEATURES.length);
  const spanTrees = w.span?.trees;
  if (spanTrees !== undefined) {
    if (typeof spanTrees !== 'object' || spanTrees === null) fail('span trees must be an object by answer type');
    for (const [t, forest] of Object.entries(spanTrees)) {
      if (!(ANSWER_TYPES as readonly string[]).includes(t)) fail(`span trees for an unknown answer type ${t}`);
      spanTrees[t as AnswerType] = checkForest(forest, SPAN_FEATURES.length, `span ${t}`);
    }
  }
  return w as AskWeights;
}

export const DEFAULT_ASK_WEIGHTS: AskWeights = parseWeights(weightsJson);

// The benches and tests import these from here, beside the rankers.
export { dot } from './boost.js';
export type { Group } from './boost.js';

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

const DEFAULT_TRAIN: TrainOptions = { epochs: 40, learningRate: 0.05, l2: 1e-4 };

/**
 * Fits a conditional logit: maximises log Σ_{right items} softmax(w·x) per group, by stochastic
 * gradient with a decaying step. Groups without a right item (or with only right items) teach
 * nothing and are skipped. Deterministic: groups are visited in a fixed shuffled order.
 */
export function trainConditionalLogit(groups: readonly Group[], dim: number, options: Partial<TrainOptions> = {}): number[] {
  const o = { ...DEFAULT_TRAIN, ...options };
  const useful = groups.filter(teaches);
  const w = new Array<number>(dim).fill(0);
  // A fixed pseudo-random order (mulberry32) so retraining gives the same weights.
  let seed = 12345;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = useful.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const lr = o.learningRate / (1 + epoch * 0.2);
    for (const gi of order) {
      const g = useful[gi];
      if (!g) continue;
      const scores = g.features.map((x) => dot(w, x));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const total = exps.reduce((a, b) => a + b, 0);
      const pos = exps.reduce((a, e, i) => a + (g.positive[i] ? e : 0), 0);
      for (let i = 0; i < g.features.length; i++) {
        const p = (exps[i] ?? 0) / total;
        const target = g.positive[i] ? (exps[i] ?? 0) / pos : 0;
        const coef = p - target;
        if (coef === 0) continue;
        const x = g.features[i] ?? [];
        for (let k = 0; k < dim; k++) w[k] = (w[k] ?? 0) - lr * coef * (x[k] ?? 0);
      }
      for (let k = 0; k < dim; k++) w[k] = (w[k] ?? 0) * (1 - lr * o.l2);
    }
  }
  // `|| 0`: a weight rounded from a tiny negative is -0, which JSON writes as 0.
  return w.map((x) => Math.round(x * 10_000) / 10_000 || 0);
}

/** The share of groups whose best-scored item is a right one. */
export function groupAccuracy(groups: readonly Group[], w: readonly number[]): number {
  if (groups.length === 0) return 0;
  let right = 0;
  for (const g of groups) {
    let best = -1;
    let bestScore = -Infinity;
    g.features.forEach((x, i) => {
      const s = dot(w, x);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best >= 0 && g.positive[best]) right++;
  }
  return right / groups.length;
}
