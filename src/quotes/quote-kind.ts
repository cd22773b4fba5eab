// The learned part of quote extraction: whether a quote that reports speech is *direct* (the
// speaker's own sentence, or a clause of it, given whole) or *partial* (a few quoted words inside
// the reporter's sentence: `says the candidate has “always run a lean campaign”`). The marks' rules
// in extract.ts first set aside scare quotes and titles; for the rest a logistic model over the
// features below decides. It is trained on annotated news by `npm run train:quote-kind`; the
// weights live in kind-weights.json beside this file.

import committed from './kind-weights.json' with { type: 'json' };
import { findVerb, SPEECH_VERBS, type VerbHit } from './verbs.js';
import { lastHyphenatedWord } from './chars.js';
import { parseFeatureWeights, type FeatureWeights } from './weights-file.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const ENDS_IN_LETTER = /\p{L}$/u;
const OPENS_UPPER_OR_NUMBER = /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u;
const SENTENCE_BREAK_INSIDE = /[.!?…]["'’”]?\s+["'‘“]?\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** What the extractor reads around a quote (its sentence before and after the marks); extract.ts fills it. */
export interface QuoteContext {
  /** Text of the same sentence before the opening mark, after any earlier quote. */
  pre: string;
  /** Text of the same sentence before the opening mark (earlier quotes included). */
  sentencePre: string;
  /** Text of the same sentence after the closing mark, up to the next quote. */
  tail: string;
  /** Offset of `tail` in the paragraph. */
  tailStart: number;
  /** Offset of `pre` in the paragraph. */
  preStart: number;
  /** The quote before it in the same sentence was direct speech. */
  afterDirect?: boolean;
  /** Sentence starts of the whole paragraph (`sentenceStarts`), found once for all its quotes and for attribution. */
  starts?: readonly number[];
}

export const KIND_FEATURES = [
  'bias',
  'rule_direct', // the marks' rules alone call it direct
  'log_words', // length in words, log-scaled to [0, 1]
  'short', // four words or fewer
  'starts_upper', // the quoted words start with a capital (a sentence of their own)
  'ends_terminal', // sentence punctuation inside the closing mark
  'ends_comma', // a comma inside the closing mark (`“…,” she said`)
  'sentence_initial', // nothing of the sentence comes before the opening mark
  'pre_verb_comma', // `…, he said, “…`: a speech verb and a comma or colon right before the mark
  'pre_colon', // a colon right before the mark
  'pre_comma', // a comma right before the mark
  'pre_that', // `said that “…`
  'pre_naming', // `called it “…`, `described as “…`
  'pre_verb', // a speech verb right before the mark, no punctuation
  'pre_determiner', // `the “…`, `his “…`: the quote is a noun phrase
  'pre_preposition', // `of “…`, `to “…`
  'pre_auxiliary', // `has “…`, `will “…`, `is “…`: the quote finishes the reporter's clause
  'pre_conjunction', // `“…!” and “…`: joined to the quote before
  'pre_other_word', // any other word right before the mark
  'tail_verb_near', // an attribution verb within the first five words after the closing mark
  'tail_runs_on', // the sentence runs on in lower case after the mark, with no attribution
  'tail_ends', // the sentence ends at the closing mark
  'share', // the part of the sentence inside the marks
  'after_direct', // a direct quote came before in the same sentence
  'split_quote', // `“…,” X said, “and …”`: the second half of a quote split by its attribution
  'unclosed', // runs to the paragraph's end
  'first_person', // I / we / my / our / me / us in the quoted words
  'second_person', // you / your
  'speech_before', // a speech verb in the sentence before the mark
  'verb_gap', // words between that speech verb and the mark, log-scaled
  'pre_words', // words of the sentence before the mark, log-scaled
  'inner_sentence', // a sentence boundary inside the marks
] as const;

export type KindFeature = (typeof KIND_FEATURES)[number];
const INDEX = Object.fromEntries(KIND_FEATURES.map((f, j) => [f, j])) as Record<KindFeature, number>;

export type KindWeights = FeatureWeights<KindFeature>;

/** Reads a kind-weights file's JSON; throws naming what is wrong. */
export const parseKindWeights = (json: unknown): KindWeights => parseFeatureWeights(json, KIND_FEATURES, 'quote kind weights');

export const DEFAULT_KIND_WEIGHTS: KindWeights = parseKindWeights(committed);

/**
 * Words (runs of letters, digits and inner apostrophes) in `s` from `from` to `to`, as in
 * `s.slice(from, to)` but without making the slice: a character loop, as this runs around every
 * quote of an archive.
 */
function countWords(s: string, from = 0, to = s.length): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const k = WORD_CLASS[s.charCodeAt(i)];
    if (k === LETTER) {
      if (!inWord) n++;
      inWord = true;
    } else inWord = inWord && k === JOINER;
  }
  return n;
}

const LETTER = 1;
const JOINER = 2;
/**
 * What countWords reads each UTF-16 unit as, looked up instead of tested: a letter or digit (ASCII,
 * or any unit from U+00C0 but these marks and dashes), an apostrophe that joins a word, or neither.
 */
const WORD_CLASS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < table.length; c++) {
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0x2014 && c !== 0x2013 && c !== 0x2026);
    table[c] = letter ? LETTER : c === 39 || c === 0x2019 ? JOINER : 0;
  }
  return table;
})();
/** Closing marks and brackets that may follow a sentence's final punctuation. */
const isCloser = (c: number): boolean => c === 0x22 || c === 0x27 || c === 0x2019 || c === 0x201d || c === 0x29 || c === 0x5d;

/**
 * What /[.!?…]["'’”)\]]*$/u tests: `s` ends in sentence punctuation and closing marks. Read from
 * the end: an expression anchored at the end is tried at every offset of the quote.
 */
export function endsInSentenceMark(s: string): boolean {
  let e = s.length;
  while (e > 0 && isCloser(s.charCodeAt(e - 1))) e--;
  const c = e > 0 ? s.charCodeAt(e - 1) : 0;
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** A test's outcome as a feature value. */
const num = (v: boolean): number => (v ? 1 : 0);
const logScale = (n: number, top: number): number => Math.min(1, Math.log1p(n) / Math.log1p(top));

const NAMING = new Set(['as', 'called', 'call', 'calls', 'calling', 'dubbed', 'dubbing', 'termed', 'labeled', 'labelled', 'described', 'describing', 'deemed', 'branded', 'named', 'nicknamed']);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'this', 'these', 'those', 'our', 'my', 'your', 'some', 'any', 'no', 'such', 'what', 'so-called']);
const PREPOSITIONS = new Set(['of', 'to', 'for', 'with', 'about', 'in', 'on', 'from', 'by', 'against', 'at', 'into', 'over', 'than', 'like', 'because', 'toward', 'towards', 'without', 'under', 'between']);
const AUXILIARIES = new Set(
  'is was are were be been being am has have had will would could can should must may might shall do does did not never also still just only was'.split(' '),
);
const FIRST_PERSON = /(?:^|[^\p{L}])(?:I|I['’](?:m|ve|ll|d)|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|[Mm]y|[Oo]ur|me|us)(?![\p{L}'’])/u;
const SECOND_PERSON = /(?:^|[^\p{L}])[Yy]ou(?:r|rs|['’](?:re|ve|ll|d))?(?![\p{L}'’])/u;

// Feature rows are views into a shared slab: a typed array of this size gets a backing store of
// its own, allocated outside the heap and freed by the garbage collector, for every speech quote
// of an archive. Rows are never reused, so each keeps its values.
const ROWS_PER_SLAB = 512;
let slab = new Float64Array(0);
let slabUsed = 0;
function featureRow(): Float64Array {
  const n = KIND_FEATURES.length;
  if (slabUsed + n > slab.length) {
    slab = new Float64Array(n * ROWS_PER_SLAB);
    slabUsed = 0;
  }
  const row = slab.subarray(slabUsed, slabUsed + n);
  slabUsed += n;
  return row;
}

/** How far after the closing mark an attribution verb counts as near. */
const NEAR_TAIL = 60;

/**
 * The speech verbs around a quote, which both the marks' rules (extract.ts `classify`) and the
 * features read: each scanned once per quote, when first asked for.
 */
export class VerbsAround {
  /** The sentence before the mark without trailing blanks. */
  readonly pre: string;
  private beforeHit: VerbHit | null | undefined;
  private afterHit: VerbHit | null | undefined;
  private trimmedTail: string | undefined;

  constructor(private readonly ctx: QuoteContext) {
    this.pre = ctx.pre.trimEnd();
  }

  /** The last speech verb in the 160 characters before the mark. */
  get before(): VerbHit | null {
    if (this.beforeHit === undefined) this.beforeHit = findVerb(this.pre.slice(-160), 'pre');
    return this.beforeHit;
  }

  /** The text after the closing mark without the blanks, commas, colons and dashes that open it (read by the rules and the features). */
  get tailTrim(): string {
    if (this.trimmedTail === undefined) this.trimmedTail = this.ctx.tail.replace(/^[\s,;:—–-]+/u, '');
    return this.trimmedTail;
  }

  /** The first speech verb after the closing mark. */
  get after(): VerbHit | null {
    if (this.afterHit === undefined) this.afterHit = findVerb(this.ctx.tail, 'tail');
    return this.afterHit;
  }

  /**
   * The first speech verb within NEAR_TAIL characters after the closing mark, as a scan of only
   * those characters finds it. A verb ending two characters before the cut is read the same in the
   * whole tail; nearer the cut a word or a hyphenated word may be cut short, so those characters are scanned.
   */
  get afterNear(): VerbHit | null {
    const v = this.after;
    return v !== null && v.end <= NEAR_TAIL - 2 ? v : findVerb(this.ctx.tail.slice(0, NEAR_TAIL), 'tail');
  }
}

/**
 * The features of a speech quote (not a fragment): `text` the quoted words, `inner` the text between
 * the words and the closing mark (where a trailing comma sits), `ctx` its sentence around it.
 */
export function kindFeatures(text: string, inner: string, ctx: QuoteContext, unclosed: boolean, ruleDirect: boolean, verbs = new VerbsAround(ctx)): Float64Array {
  // Written by name through INDEX, one named read per feature: a shared setter's keyed read of
  // thirty names is slow in the unoptimised tiers every cold build starts in.
  const x = featureRow();
  const words = countWords(text);
  const { pre } = verbs;
  const sentencePre = ctx.sentencePre.trim();
  const lastWord = lastHyphenatedWord(pre.slice(-40));
  const lastChar = pre.slice(-1);
  const tailTrim = verbs.tailTrim;
  const tailVerb = verbs.afterNear;
  const speechVerb = verbs.before;
  const preWords = countWords(ctx.sentencePre);
  x[INDEX.bias] = 1;
  x[INDEX.rule_direct] = num(ruleDirect);
  x[INDEX.log_words] = logScale(words, 60);
  x[INDEX.short] = num(words <= 4);
  x[INDEX.starts_upper] = num(OPENS_UPPER_OR_NUMBER.test(text));
  x[INDEX.ends_terminal] = num(unclosed || endsInSentenceMark(text));
  x[INDEX.ends_comma] = num(/^[\s]*,/u.test(inner));
  x[INDEX.sentence_initial] = num(sentencePre === '');
  const verbRight = SPEECH_VERBS.has(lastWord) && !NAMING.has(lastWord);
  x[INDEX.pre_verb_comma] = num(verbRight && (lastChar === ',' || lastChar === ':'));
  x[INDEX.pre_colon] = num(lastChar === ':');
  x[INDEX.pre_comma] = num(lastChar === ',');
  if (sentencePre !== '' && ENDS_IN_LETTER.test(pre)) {
    if (lastWord === 'that') x[INDEX.pre_that] = 1;
    else if (NAMING.has(lastWord)) x[INDEX.pre_naming] = 1;
    else if (verbRight) x[INDEX.pre_verb] = 1;
    else if (DETERMINERS.has(lastWord)) x[INDEX.pre_determiner] = 1;
    else if (PREPOSITIONS.has(lastWord)) x[INDEX.pre_preposition] = 1;
    else if (AUXILIARIES.has(lastWord)) x[INDEX.pre_auxiliary] = 1;
    else if (lastWord === 'and' || lastWord === 'or' || lastWord === 'but') x[INDEX.pre_conjunction] = 1;
    else x[INDEX.pre_other_word] = 1;
  }
  x[INDEX.tail_verb_near] = num(tailVerb !== null && countWords(ctx.tail, 0, tailVerb.start) <= 5);
  x[INDEX.tail_runs_on] = num(tailTrim.length > 0 && tailVerb === null && STARTS_LOWER.test(tailTrim));
  x[INDEX.tail_ends] = num(tailTrim === '' || /^[.!?…]/u.test(tailTrim));
  const tailWords = countWords(ctx.tail);
  x[INDEX.share] = words / Math.max(1, words + preWords + tailWords);
  x[INDEX.after_direct] = num(ctx.afterDirect === true);
  x[INDEX.split_quote] = num(ctx.afterDirect === true && speechVerb !== null);
  x[INDEX.unclosed] = num(unclosed);
  x[INDEX.first_person] = num(FIRST_PERSON.test(text));
  x[INDEX.second_person] = num(SECOND_PERSON.test(text));
  x[INDEX.speech_before] = num(speechVerb !== null);
  x[INDEX.verb_gap] = speechVerb ? logScale(countWords(pre, Math.max(0, pre.length - 160) + speechVerb.end), 20) : 0;
  x[INDEX.pre_words] = logScale(preWords, 40);
  x[INDEX.inner_sentence] = num(SENTENCE_BREAK_INSIDE.test(text));
  return x;
}

/** The weights as a vector in KIND_FEATURES order, made once per weights object. */
const vectors = new WeakMap<KindWeights, Float64Array>();
export function kindScore(w: KindWeights, x: Float64Array): number {
  let v = vectors.get(w);
  if (!v) {
    v = Float64Array.from(KIND_FEATURES, (f) => w.weights[f]);
    vectors.set(w, v);
  }
  let s = 0;
  for (let j = 0; j < v.length; j++) s += (v[j] ?? 0) * (x[j] ?? 0);
  return s;
}
