import { splitSentences, type Sentence } from '../text/sentences.js';
import { isStopWord, termOf, tokenize, type Token } from '../text/tokenize.js';
import { ALIGN_SENTENCE_FEATURES, DEFAULT_ASK_WEIGHTS, PASSAGE_FEATURES, PAIR_SENTENCE_FEATURES, POINTER_SENTENCE_FEATURES, rankerScore, SENTENCE_FEATURES, spanScore, type AskWeights } from './ask-model.js';
import { firstNameGender } from '../quotes/first-names.js';
import { foldName, isDemonym, isNonNameStarter, isOrgWord, isTitleWord, looksLikePersonName } from '../quotes/names.js';
import { hasPlaceWord, namesKnownPlace, placeKindMatch } from './places.js';
import { answerCandidates, typedCandidates, type Candidate, type CandidateKind } from './candidates.js';
import type { Article } from '../archive/types.js';
import type { PassageIndex } from './index.js';
import { correctedScore, isNewsPool, passageCues } from './news-correction.js';
import { answerType, whPhrase, type AnswerType, type WhPhrase } from './question.js';
import type { Ranked } from './rank.js';
import { alignFeatures, questionAlign, type AlignTable, type QuestionAlign } from './align.js';
import { alignPassageFeatures, NO_ALIGN_PASSAGE, type Collection } from './passage-align.js';
import { frameFeatures, questionFrame, sameFamily, type Frame } from './frame.js';
import { priorKindIndex, priorOf, questionKeys, type TypePrior } from './type-prior.js';

/** A question as the answer models see it: its type and its index terms with their rarity. */
export interface QuestionView {
  text: string;
  type: AnswerType;
  terms: readonly string[];
  termSet: ReadonlySet<string>;
  weight: (term: string) => number;
  /** Sum of the terms' weights: overlaps are shares of it. */
  total: number;
  rarest: string | undefined;
  /** Terms of capitalised words after the first (the question's topic: "Mido", "Egypt"); the rest say what is asked ("axed"). */
  topic: ReadonlySet<string>;
  /** The rarest word that is not a topic name: usually what is asked ("axed", "director"). */
  keyRelation: string | undefined;
  /** The wh-word, where it stands, and the question's head word (question.ts whPhrase: the one definition). */
  wh: WhPhrase;
  /** The question read against the learnt word translation table (align.ts); absent without a table. */
  align?: QuestionAlign | undefined;
  /** The question's terms in order and the frame after the wh-word (frame.ts), read once for every passage's sentences. */
  frame: Frame;
  /** The learnt answer-type prior's distribution over PRIOR_KINDS for this question (type-prior.ts); absent without a prior. */
  prior?: number[] | undefined;
}

export function questionView(text: string, qTerms: readonly string[], weight: (term: string) => number, align?: AlignTable, typePrior?: TypePrior): QuestionView {
  let total = 0;
  let rarest: string | undefined;
  for (const t of qTerms) {
    const w = weight(t);
    total += w;
    if (rarest === undefined || w > weight(rarest)) rarest = t;
  }
  const topic = new Set<string>();
  const tokens = tokenize(text);
  tokens.forEach((t, i) => {
    const term = termOf(t);
    if (term && i > 0 && /^\p{Lu}/u.test(text.slice(t.start, t.end))) topic.add(term);
  });
  let keyRelation: string | undefined;
  for (const t of qTerms) if (!topic.has(t) && (keyRelation === undefined || weight(t) > weight(keyRelation))) keyRelation = t;
  const termSet = new Set(qTerms);
  const wh = whPhrase(text, termSet);
  const frame = questionFrame({ text, termSet, weight, wh }, tokens);
  const view: QuestionView = { text, type: answerType(text), terms: qTerms, termSet, weight, total: total || 1, rarest, topic, keyRelation, wh, frame };
  const aligned = withAlign(view, align);
  // Without a prior there is nothing to read; with one, its keys reuse the tokens read above.
  return typePrior ? { ...aligned, prior: priorOf(typePrior, questionKeys(text, wh, qTerms, tokens)) } : aligned;
}

/** The question read with another answer-type prior (training reads each question with a prior that never saw it). */
export function withPrior(q: QuestionView, prior: TypePrior | undefined): QuestionView {
  return { ...q, prior: priorOf(prior, questionKeys(q.text, q.wh, q.terms)) };
}

/** The question read against another translation table (training reads each question with a table that never saw it). */
export function withAlign(q: QuestionView, table: AlignTable | undefined): QuestionView {
  return { ...q, align: questionAlign(table, q.terms) };
}

/** A sentence's distinct index terms, as the sentence model reads them (the align table's training pairs). */
export function sentenceTerms(text: string): string[] {
  return [...new Set(unquoted(text, words(text)).terms.map((x) => x.term))].filter((t) => t !== QUOTED);
}

/** The candidate kind that answers each question type ('other' takes any phrase). */
const KIND_OF: Record<AnswerType, CandidateKind | undefined> = {
  person: 'name',
  place: 'name',
  time: 'time',
  number: 'number',
  cause: 'cause',
  other: undefined,
};

interface Words {
  /** Token index and term of each content word. */
  terms: Array<{ pos: number; term: string; start: number; end: number }>;
  count: number;
}

function words(text: string): Words {
  const out: Words['terms'] = [];
  let pos = 0;
  let prevEnd = -1;
  for (const t of tokenize(text)) {
    // Hyphenated words also yield their joined form at the same place: count a place once.
    if (t.start < prevEnd) continue;
    prevEnd = t.end;
    const term = termOf(t);
    if (term) out.push({ pos, term, start: t.start, end: t.end });
    pos++;
  }
  return { terms: out, count: pos };
}

const QUOTE = /["“][^"”]*(?:["”]|$)/gu;
const SAYS_BEFORE = /\b(?:said|says|added|adds|told \p{L}+|asked|insisted|warned):\s*$/iu;
const SAYS_AFTER = /^,?\s*(?:(?:\p{Lu}[\p{L}'’.-]*|he|she|they)\s+){1,3}(?:said|says|added)\b|^,?\s*(?:said|says|added)\b/u;

/**
 * The words of a speaker's quote do not count as matching the question: a quote repeats the
 * story's topic ("I came … to rejoin the national team") without reporting its facts. Quotes
 * that are not speech (titles, names, terms in quotation marks) still match.
 */
function unquoted(text: string, w: Words): Words {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(QUOTE)) {
    const start = m.index;
    const end = start + m[0].length;
    // A sentence that opens with an unclosed quote carries on a speaker's words from before.
    const continued = start === 0 && !/["”]$/.test(m[0]);
    if (continued || SAYS_BEFORE.test(text.slice(0, start)) || SAYS_AFTER.test(text.slice(end))) ranges.push([start, end]);
  }
  if (ranges.length === 0) return w;
  const inside = (x: { start: number }): boolean => ranges.some(([a, b]) => x.start >= a && x.start < b);
  return { count: w.count, terms: w.terms.map((x) => (inside(x) ? { ...x, term: QUOTED } : x)) };
}

/** Stands for a word inside a speaker's quote: never a question term. */
const QUOTED = '\u0000quoted';

/** Share of the question's weight found in a set of terms. */
function overlapOf(terms: Iterable<string>, q: QuestionView): number {
  let s = 0;
  const seen = new Set<string>();
  for (const t of terms) {
    if (q.termSet.has(t) && !seen.has(t)) {
      seen.add(t);
      s += q.weight(t);
    }
  }
  return s / q.total;
}

/** Candidates of the expected type that say something the question does not. */
export function typedAnswers(sentence: string, q: QuestionView, candidates: readonly Candidate[] = typedCandidates(sentence)): Candidate[] {
  const kind = KIND_OF[q.type];
  if (!kind) return [];
  return candidates.filter((c) => {
    if (c.kind !== kind) return false;
    const ws = words(c.text).terms;
    // A name sharing a word with the question is its subject ("Striker Mido"), not a new one; but
    // the wh-phrase's own noun names the kind of answer ("Which *bank*…" → "First National Bank").
    return kind === 'name' ? ws.length > 0 && !ws.some((w) => q.termSet.has(w.term) && !(w.term === q.wh.head && isWhNoun(q))) : !ws.every((w) => q.termSet.has(w.term));
  });
}

/** Whether the question's head word is the noun of its "which/what" phrase ("Which bank…"), not a verb ("Who killed…"). */
function isWhNoun(q: QuestionView): boolean {
  return q.wh.word === 'which' || q.wh.word === 'what';
}

/** Words (not characters) either side of a candidate that count as beside it. */
const CANDIDATE_WINDOW = 5;

/** The first and last word positions a candidate covers (its nearest word when it has no content word: "$280bn"). */
function spanPositions(w: Words, c: Candidate): [number, number] {
  let first = -1;
  let last = -1;
  let before = 0;
  for (const x of w.terms) {
    if (x.start >= c.start && x.end <= c.end) {
      if (first < 0) first = x.pos;
      last = x.pos;
    } else if (x.end <= c.start) before = x.pos + 1;
  }
  return first < 0 ? [before, before] : [first, last];
}

/** The wh-words whose head word is the sentence model's focus (scoreSentences). */
const FOCUS_WH: ReadonlySet<string> = new Set(['what', 'which', 'how', 'whose']);

/** Opens with a word that points back at the sentence before ("It in turn evolved…", "This has led to…"). */
const ANAPHOR = /^\W*(?:it|its|this|these|those|they|their|them|he|his|she|her|such|both|the latter|the former)\b/i;
/** A quotation opens the sentence: its "It…" is the speaker's, and its words do not match the question (`unquoted`). */
const OPENS_QUOTE = /^[\s([]*["“‘'«„]/u;
/** "This week…", "These days…": a time, not a pointer. */
const DEICTIC_TIME = /^\W*(?:this|these|those|that)\s+(?:year|years|week|weeks|month|months|morning|afternoon|evening|night|time|season|quarter|summer|winter|spring|autumn|weekend|days?)\b/i;
/** "It is expected that…", "It seems to…": an expletive "it" points at nothing. */
const EXPLETIVE_IT =
  /^\W*it(?:(?:['’]s|\s+(?:is|was|has been|had been|would be|will be|may be|might be))\s+(?:(?:not|also|now|still|widely|generally)\s+)?(?:likely|unlikely|expected|thought|believed|said|reported|understood|clear|unclear|possible|impossible|important|necessary|hoped|feared|estimated|known|true|claimed|alleged)|\s+(?:seems|seemed|appears|appeared))\s+(?:that|to|whether|if)\b/i;

/** Whether a sentence opens with a pointer back at the sentence before (not a quotation, a time or an expletive "it"). */
function pointsBack(text: string): boolean {
  return ANAPHOR.test(text) && !OPENS_QUOTE.test(text) && !DEICTIC_TIME.test(text) && !EXPLETIVE_IT.test(text);
}

export interface ScoredSentence {
  sentence: Sentence;
  features: number[];
  score: number;
  typed: Candidate[];
  overlap: number;
}

/** Every sentence of a passage with its features and its score under the sentence model. */
export function scoreSentences(passage: string, q: QuestionView, weights: AskWeights = DEFAULT_ASK_WEIGHTS): ScoredSentence[] {
  const sentences = splitSentences(passage);
  const ws = sentences.map((s) => unquoted(s.text, words(s.text)));
  const overlaps = ws.map((w) => overlapOf(w.terms.map((x) => x.term), q));
  const maxOverlap = Math.max(0, ...overlaps);
  const bestAt = maxOverlap > 0 ? overlaps.indexOf(maxOverlap) : -1;
  // Question words a sentence lacks but holds a word of the same family ("teachers" for "teach").
  const softs = ws.map((w) => {
    const have = new Set(w.terms.map((x) => x.term));
    let soft = 0;
    for (const t of q.termSet) {
      if (have.has(t)) continue;
      if (w.terms.some((x) => x.term !== QUOTED && sameFamily(t, x.term))) soft += q.weight(t);
    }
    return soft / q.total;
  });
  const maxSoft = Math.max(0, ...overlaps.map((o, i) => o + (softs[i] ?? 0)));
  // How many sentences of the passage hold each question term: one in every sentence tells them apart less.
  const spread = new Map<string, number>();
  for (const w of ws) for (const t of new Set(w.terms.map((x) => x.term))) if (q.termSet.has(t)) spread.set(t, (spread.get(t) ?? 0) + 1);
  const pointer = pointerReading(sentences, ws, overlaps, q);
  const paired = pairReading(ws, overlaps, bestAt, q);
  const focusWord = (FOCUS_WH.has(q.wh.word ?? '') ? q.wh.head : undefined) ?? q.keyRelation;
  const aligned = alignFeatures(
    { align: q.align, weight: q.weight, total: q.total, focus: focusWord },
    ws.map((w) => new Set(w.terms.map((x) => x.term).filter((t) => t !== QUOTED))),
    pointer.anaphors,
  );
  const frame = q.frame;
  let topicTotal = 0;
  let relationTotal = 0;
  for (const t of q.terms) {
    if (q.topic.has(t)) topicTotal += q.weight(t);
    else relationTotal += q.weight(t);
  }
  return sentences.map((s, i) => {
    const w = ws[i] ?? { terms: [], count: 0 };
    const matched = w.terms.filter((x) => q.termSet.has(x.term));
    const distinct = new Set(matched.map((x) => x.term));
    let proximity = 0;
    let bigram = 0;
    for (let k = 1; k < matched.length; k++) {
      const a = matched[k - 1];
      const b = matched[k];
      if (!a || !b || a.term === b.term) continue;
      const gap = b.pos - a.pos;
      if (gap <= 4) proximity += Math.min(q.weight(a.term), q.weight(b.term)) / gap;
      if (gap <= 2 && q.terms.indexOf(b.term) === q.terms.indexOf(a.term) + 1) bigram++;
    }
    const typed = q.type === 'other' ? [] : typedAnswers(s.text, q);
    let typedNear = 0;
    for (const c of typed) {
      for (const m of matched) {
        const d = m.end <= c.start ? c.start - m.end : m.start >= c.end ? m.start - c.end : 0;
        typedNear = Math.max(typedNear, 1 / (1 + d / 6));
      }
    }
    // Question words beside a typed candidate: the answer stands next to what is asked ("axed by former
    // coach Marco Tardelli", "the director award went to Clint Eastwood"), not just somewhere in the sentence.
    let candWindow = 0;
    let relationWindow = 0;
    let agent = false;
    // Each candidate's word positions once: the loops below pair them with every matched word.
    const positions = typed.map((c) => spanPositions(w, c));
    for (const [k, c] of typed.entries()) {
      const [first, last] = positions[k] ?? [0, 0];
      const seen = new Set<string>();
      let all = 0;
      let relation = 0;
      for (const m of matched) {
        if ((m.start >= c.start && m.end <= c.end) || seen.has(m.term)) continue;
        const d = m.pos < first ? first - m.pos : m.pos > last ? m.pos - last : 0;
        if (d > CANDIDATE_WINDOW) continue;
        seen.add(m.term);
        all += q.weight(m.term);
        if (!q.topic.has(m.term)) relation += q.weight(m.term);
      }
      candWindow = Math.max(candWindow, all / q.total);
      // "Who axed Mido?" → "Mido was axed by … Marco Tardelli": the question's verb, then "by", then the name.
      if (q.type === 'person' && !agent) {
        agent = matched.some((m) => !q.topic.has(m.term) && m.pos < first && first - m.pos <= CANDIDATE_WINDOW && /\bby\b/i.test(s.text.slice(m.end, c.start)));
      }
      if (relationTotal) relationWindow = Math.max(relationWindow, relation / relationTotal);
    }
    const soft = softs[i] ?? 0;
    // The matched words in the question's order (pairs of consecutive matches), and how tightly they stand.
    let inOrder = 0;
    let pairs = 0;
    for (let k = 1; k < matched.length; k++) {
      const a = q.terms.indexOf(matched[k - 1]?.term ?? '');
      const b = q.terms.indexOf(matched[k]?.term ?? '');
      if (a === b) continue;
      pairs++;
      if (b > a) inOrder++;
    }
    const spanWords = matched.length > 1 ? (matched[matched.length - 1]?.pos ?? 0) - (matched[0]?.pos ?? 0) + 1 : matched.length;
    // Only a what/which/how/whose-phrase's noun says what the answer is ("What *religion*…"); a who-question's verb
    // is a topic word every paragraph of the story repeats, and it misled the choice between passages.
    const focus = FOCUS_WH.has(q.wh.word ?? '') ? q.wh.head : undefined;
    const hasFocus = focus !== undefined && distinct.has(focus);
    let focusTyped = 0;
    if (focus !== undefined && typed.length > 0) {
      for (const m of matched) {
        if (m.term !== focus) continue;
        for (const [first, last] of positions) {
          const d = m.pos < first ? first - m.pos : m.pos > last ? m.pos - last : 0;
          focusTyped = Math.max(focusTyped, 1 / (1 + d));
        }
      }
    }
    // A place answers "where" after a locative word ("in Houston", "east of Ireland"); a name elsewhere is more often a person.
    const locative = q.type === 'place' && typed.some((c) => LOCATIVE.test(s.text.slice(Math.max(0, c.start - 16), c.start))) ? 1 : 0;
    const locativeAfter = q.type === 'place' ? locativeAfterRelation(s.text, matched, q) : 0;
    const [cue, cueAfter, cueBefore] = q.type === 'cause' ? causeCues(s.text, w, matched, q) : [0, 0, 0];
    // A where/which-country answer is a place the lexicon knows or a name with a place word, not any new name ("Charles de Gaulle").
    const runs = q.type === 'place' ? typed.map((c) => c.text.split(/\s+/)) : [];
    const knownPlace = runs.some((r) => namesKnownPlace(r) || hasPlaceWord(r)) ? 1 : 0;
    const placeKind = runs.some((r) => placeKindMatch(q.wh.head, r) === 1) ? 1 : 0;
    const anaphor = pointer.anaphors[i] ?? 0;
    const other = q.type === 'other' ? 1 : 0;
    const content = w.terms.length || 1;
    let local = 0;
    let topic = 0;
    let relation = 0;
    for (const t of distinct) {
      local += (q.weight(t) * (1 - ((spread.get(t) ?? 1) - 1) / sentences.length)) / q.total;
      if (q.topic.has(t)) topic += q.weight(t);
      else relation += q.weight(t);
    }
    const features = [
      overlaps[i] ?? 0,
      distinct.size / (q.terms.length || 1),
      local,
      topicTotal ? topic / topicTotal : 0,
      relationTotal ? relation / relationTotal : 0,
      (overlaps[i] ?? 0) === maxOverlap && maxOverlap > 0 ? 1 : 0,
      proximity / q.total,
      bigram / Math.max(1, q.terms.length - 1),
      w.terms.filter((x) => !q.termSet.has(x.term)).length / content,
      i === 0 ? 1 : 0,
      sentences.length > 1 ? i / (sentences.length - 1) : 0,
      Math.log1p(w.count) / 4,
      q.rarest !== undefined && distinct.has(q.rarest) ? 1 : 0,
      q.keyRelation !== undefined && distinct.has(q.keyRelation) ? 1 : 0,
      overlaps[i - 1] ?? 0,
      overlaps[i + 1] ?? 0,
      q.type === 'person' && typed.length > 0 ? 1 : 0,
      q.type === 'time' && typed.length > 0 ? 1 : 0,
      q.type === 'number' && typed.length > 0 ? 1 : 0,
      q.type === 'place' && typed.length > 0 ? 1 : 0,
      q.type === 'cause' && typed.length > 0 ? 1 : 0,
      typedNear,
      candWindow,
      relationWindow,
      agent ? 1 : 0,
      soft,
      (overlaps[i] ?? 0) + soft === maxSoft && maxSoft > 0 ? 1 : 0,
      pairs ? inOrder / pairs : 0,
      matched.length > 1 ? distinct.size / spanWords : 0,
      hasFocus ? 1 : 0,
      focusTyped,
      anaphor,
      anaphor * (overlaps[i - 1] ?? 0),
      i > 0 && i - 1 === bestAt ? 1 : 0,
      i === bestAt ? 1 : 0,
      other * (overlaps[i] ?? 0),
      other * (relationTotal ? relation / relationTotal : 0),
      other * (w.terms.filter((x) => !q.termSet.has(x.term)).length / content),
      other * local,
      locative,
      cue,
      cueAfter,
      cueBefore,
      knownPlace,
      placeKind,
      ...(pointer.features[i] ?? POINTER_SENTENCE_FEATURES.map(() => 0)),
      ...(aligned[i] ?? ALIGN_SENTENCE_FEATURES.map(() => 0)),
      ...frameFeatures(q, frame, w.terms.filter((x) => x.term !== QUOTED), positions),
      locativeAfter,
      ...(paired[i] ?? PAIR_SENTENCE_FEATURES.map(() => 0)),
    ];
    return { sentence: s, features, score: rankerScore(weights.sentence, features), typed, overlap: overlaps[i] ?? 0 };
  });
}

/**
 * POINTER_SENTENCE_FEATURES for every sentence of a passage, and which sentences open with a
 * pointer back ("It in turn evolved…", "This has led to…"). A pointer sentence often holds the
 * answer while the question's words stand in the sentence before it, or holds the question's words
 * while the answer is the thing it points at.
 */
function pointerReading(sentences: readonly Sentence[], ws: readonly Words[], overlaps: readonly number[], q: QuestionView): { anaphors: number[]; features: number[][] } {
  const anaphors = sentences.map((s, i) => (i > 0 && pointsBack(s.text) ? 1 : 0));
  // A subject question ("Who wrote…"): a sentence opening with "It/He/They" has the pointer where the answer would stand.
  const subject = q.wh.subject ? 1 : 0;
  const features = ws.map((w, i) => {
    const anaphor = anaphors[i] ?? 0;
    const own = overlaps[i] ?? 0;
    const prev = ws[i - 1];
    const pair = anaphor && prev ? overlapOf([...w.terms, ...prev.terms].map((x) => x.term), q) : 0;
    const pointedBack = (anaphors[i + 1] ?? 0) * (overlaps[i + 1] ?? 0);
    return [pair, anaphor ? pair - own : 0, pointedBack, pointedBack * subject, anaphor * subject * own];
  });
  return { anaphors, features };
}

/**
 * PAIR_SENTENCE_FEATURES for every sentence of a passage: what the sentence before and the one
 * after add to its question weight, and its question weight outside the best-overlap sentence.
 * The sentence that restates the question outscores the next one on overlap; the one holding the
 * answer often holds the question's other words, those the restating one lacks.
 */
function pairReading(ws: readonly Words[], overlaps: readonly number[], bestAt: number, q: QuestionView): number[][] {
  // Each sentence's question words once, in first-seen order: overlapOf over a concatenation sums
  // exactly these weights in this order, so the sums below are overlapOf's to the last bit.
  const hits = ws.map((w) => {
    const seen = new Set<string>();
    for (const x of w.terms) if (q.termSet.has(x.term)) seen.add(x.term);
    return seen;
  });
  const raw = (own: ReadonlySet<string>, other: ReadonlySet<string> | undefined, skip?: ReadonlySet<string>): number => {
    let s = 0;
    for (const t of own) if (!skip?.has(t)) s += q.weight(t);
    if (other) for (const t of other) if (!own.has(t)) s += q.weight(t);
    return s / q.total;
  };
  const best = bestAt >= 0 ? hits[bestAt] : undefined;
  return hits.map((own, i) => {
    const base = overlaps[i] ?? 0;
    const prev = hits[i - 1];
    const next = hits[i + 1];
    return [prev ? raw(own, prev) - base : 0, next ? raw(own, next) - base : 0, i === bestAt ? 0 : raw(own, undefined, best)];
  });
}

/**
 * Words that give a reason, a purpose or a result: a why-answer is the clause they open. Wider
 * than the cause candidates (candidates.ts), which must be spans: "after", "since" and "led to"
 * often give a cause here but are too common to be an answer phrase.
 */
const CAUSE_CUE = /\b(?:because|since|due to|owing to|thanks to|as a result|results? (?:of|in)|resulted in|caused by|in order to|so that|so as to|in response to|led to|leads? to|leading to|reasons?|therefore|thus|hence|consequently|after|following)\b/gi;
/** Words (not characters) between a cause cue and the question's words that still tie them. */
const CUE_WINDOW = 10;

/**
 * A why-question's evidence in one sentence: whether it has a cause cue, and whether one stands
 * after the question's relation words ("the bridge closed *because* of the flood": the answer
 * follows what is asked) or before them ("*Due to* the flood, the bridge closed"), within a few
 * words. Question words that are the story's topic names are left out: every sentence has them.
 */
function causeCues(text: string, w: Words, matched: Words['terms'], q: QuestionView): [number, number, number] {
  let cue = 0;
  let after = 0;
  let before = 0;
  const relation = matched.filter((m) => !q.topic.has(m.term));
  // The cue's word position: just past the last word before it. Cues come in text order, so one
  // walk over the sentence's words serves them all (a rescan per cue is quadratic in a long sentence).
  let at = 0;
  let k = 0;
  for (const m of text.matchAll(CAUSE_CUE)) {
    cue = 1;
    for (let x = w.terms[k]; x && x.end <= m.index; x = w.terms[++k]) at = x.pos + 1;
    for (const r of relation) {
      if (r.start < m.index && at - r.pos <= CUE_WINDOW) after = 1;
      if (r.start > m.index && r.pos - at <= CUE_WINDOW) before = 1;
    }
  }
  return [cue, after, before];
}

const LOCATIVE = /\b(?:in|at|from|near|on|into|across|outside|inside)\s+(?:the\s+)?$/i;
/**
 * A locative phrase opening within a few words after a question word: "work *in* nursing homes",
 * "used *in* toys", "located *on* the left bank". Wider than LOCATIVE (the word before a named
 * place) by prepositions of extent (within, throughout, along, beside), which a common-noun place
 * follows; without "from", which after a relation word mostly gives a source ("sold from stock").
 */
const LOCATIVE_AFTER = /^[^.;:!?]{0,24}?\b(?:in|at|near|on|inside|within|into|across|throughout|along|beside|outside)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(\p{L}[\p{L}'’-]*)/iu;

/**
 * A where-question is often answered by a common noun, not a named place ("Where do consultant
 * pharmacists work?" → "in nursing homes"): the question's relation word (not its topic) followed
 * closely by a locative phrase whose noun the question does not say.
 */
function locativeAfterRelation(text: string, matched: Words['terms'], q: QuestionView): number {
  for (const m of matched) {
    if (q.topic.has(m.term)) continue;
    const hit = LOCATIVE_AFTER.exec(text.slice(m.end, m.end + 60));
    const noun = hit?.[1];
    if (noun === undefined) continue;
    const token = tokenize(noun)[0];
    const term = token ? termOf(token) : null;
    if (term && !q.termSet.has(term)) return 1;
  }
  return 0;
}
const AGENT = /\bby\s+(?:the\s+)?$/i;
const AUXILIARY = /\b(?:may|might|can|could|will|would|shall|should|must|to|did|does|do|has|have|had)\s+$/i;
const COPULA = /\b(?:is|was|are|were|be|been|called|named|known as|as)\s+(?:the\s+|a\s+|an\s+)?$/i;

const PREPOSITIONS = new Set(['in', 'on', 'at', 'by', 'of', 'for', 'with', 'from', 'to', 'into', 'as', 'than', 'about', 'under', 'over', 'during', 'between', 'through', 'against', 'after', 'before', 'within', 'without', 'via', 'like']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'these', 'that', 'those', 'our', 'my', 'your']);
const VERBS_AFTER = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'be', 'been', 'will', 'would', 'can', 'could', 'may', 'might', 'did', 'does', 'do']);
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor']);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when']);

/** The question's wh-word, for features that differ between "which X", "what X" and "how X". */
function whWord(q: QuestionView): 'which' | 'what' | 'how' | 'other' {
  const w = q.wh.word;
  return w === 'which' || w === 'what' || w === 'how' ? w : 'other';
}

/**
 * Where the asked-for thing stands in the question, for aligning it with a sentence: the
 * question's terms before its wh-word ("The Normans were famed for *what*?", "In 1066 *who*…"),
 * and whether the wh-phrase is the subject ("Who killed Harold?": the answer comes before the
 * verb in the sentence) or an auxiliary follows it ("Who did Emma marry?", "What is another
 * name for…": the answer tends to come after the matched words).
 */
export interface QuestionShape {
  fronted: ReadonlySet<string>;
  auxiliary: boolean;
  subject: boolean;
  /** The question's head word (`q.wh.head`, defined once in question.ts whPhrase). */
  head: string | undefined;
}

export function questionShape(q: QuestionView): QuestionShape {
  const tokens = tokenize(q.text);
  const { at, auxiliary, head } = q.wh;
  const fronted = new Set<string>();
  for (const t of at < 0 ? tokens : tokens.slice(0, at)) {
    const term = termOf(t);
    if (term && q.termSet.has(term)) fronted.add(term);
  }
  if (at < 0) return { fronted, auxiliary: false, subject: false, head: undefined };
  return { fronted, auxiliary, subject: !auxiliary, head };
}

/**
 * What kind of name a capitalised candidate is, from the name lexicons of the quote module: a
 * person (a known first name, a person-like run, a title before or in it), an organisation,
 * a nationality, or no name at all ("Meanwhile" opening a sentence).
 */
function nameCues(sentence: string, c: Candidate): number[] {
  if (c.kind !== 'name' && !(c.kind === 'phrase' && /^\p{Lu}/u.test(c.text))) return [0, 0, 0, 0, 0, 0];
  const run = c.text.split(/\s+/).filter(Boolean);
  const before = /(\S+)\s+$/u.exec(sentence.slice(Math.max(0, c.start - 30), c.start))?.[1] ?? '';
  return [
    run.some((w) => /^\p{Lu}/u.test(w) && firstNameGender(foldName(w)) !== null) ? 1 : 0,
    looksLikePersonName(run) ? 1 : 0,
    run.some(isTitleWord) || (before !== '' && isTitleWord(before)) ? 1 : 0,
    run.some(isOrgWord) ? 1 : 0,
    run.some(isDemonym) ? 1 : 0,
    isNonNameStarter(run[0] ?? '') ? 1 : 0,
  ];
}

const BREAK_BETWEEN = /[.;:!?()"“”]|\s[-–—]\s/;

/**
 * Who/where evidence about a capitalised candidate (TYPED_SPAN_FEATURES): what the run names (a
 * known place, a place word), its grammatical tie to the question's relation words (the matched
 * question terms that are not the topic's names: "axed", "owned", "located"), and the role word
 * that introduces it ("former coach Marco Tardelli", "then-Mayor Hans Tanzler").
 */
function typedCues(
  sentence: string,
  c: Candidate,
  first: number,
  last: number,
  matched: Words['terms'],
  q: QuestionView,
  shape: QuestionShape,
  prevTok: Token | undefined,
): number[] {
  const run = c.text.split(/\s+/).filter(Boolean);
  let agent = false;
  let subject = false;
  let object = false;
  let locativeAfter = false;
  const prefix = sentence.slice(Math.max(0, c.start - 24), c.start);
  const byBefore = AGENT.test(prefix);
  const locative = LOCATIVE.test(prefix);
  for (const m of matched) {
    if ((m.start >= c.start && m.end <= c.end) || q.topic.has(m.term)) continue;
    if (m.pos < first && first - m.pos <= 6 && !BREAK_BETWEEN.test(sentence.slice(m.end, c.start))) {
      if (byBefore) agent = true;
      if (locative && first - m.pos <= 4) locativeAfter = true;
      if (first - m.pos <= 3) object = true;
    }
    if (m.pos > last && m.pos - last <= 3 && !BREAK_BETWEEN.test(sentence.slice(c.end, m.start))) subject = true;
  }
  // The role word right before the candidate, past "former"/"then-" ("former coach", "then-Mayor").
  const before = /([\p{L}.]+)(?:\s+|-)$/u.exec(sentence.slice(Math.max(0, c.start - 30), c.start))?.[1] ?? '';
  const role = before !== '' && isTitleWord(before) && !/^(?:former|state|federal|national|public)$/i.test(before);
  const roleWords = [...run.filter((w) => isTitleWord(w)), ...(role ? [before] : [])];
  const placeKind = placeKindMatch(shape.head, run);
  const roleInQuestion = roleWords.some((w) => tokenize(w).some((t) => q.termSet.has(termOf(t) ?? '')));
  return [
    namesKnownPlace(run) ? 1 : 0,
    hasPlaceWord(run) ? 1 : 0,
    agent ? 1 : 0,
    subject && shape.subject ? 1 : 0,
    object && shape.auxiliary ? 1 : 0,
    role ? 1 : 0,
    roleInQuestion ? 1 : 0,
    c.kind === 'name' && /\s(?:and|&)\s/.test(c.text) ? 1 : 0,
    prevTok !== undefined && /\p{L}-$/u.test(sentence.slice(Math.max(0, c.start - 2), c.start)) ? 1 : 0,
    locativeAfter ? 1 : 0,
    c.kind === 'name' && run.includes('of') ? 1 : 0,
    // "Soon, …", "Contiguous …": one capitalised word opening the sentence is seldom a name.
    c.start === 0 && run.length === 1 ? 1 : 0,
    // "What *city*…": a known city, not a country or a continent.
    placeKind === 1 ? 1 : 0,
    placeKind === -1 ? 1 : 0,
    // "What is the weight … in *pounds*?" → "94 pounds": the amount's unit is a word of the question.
    c.kind === 'number' && unitWords(sentence, c).some((t) => q.termSet.has(t)) ? 1 : 0,
  ];
}

/** The index terms of an amount's unit: the words after its first number inside it, else the word right after it. */
function unitWords(sentence: string, c: Candidate): string[] {
  const inside = tokenize(c.text)
    .slice(1)
    .map(termOf)
    .filter((t): t is string => t !== null && !/^\d/.test(t));
  if (inside.length > 0) return inside;
  const next = tokenize(sentence.slice(c.end, c.end + 24))[0];
  const t = next ? termOf(next) : null;
  return t ? [t] : [];
}

/** The sentence's words, one token per place (a hyphenated word once). */
function sentenceTokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(sentence)) if (out.length === 0 || t.start >= (out[out.length - 1]?.end ?? 0)) out.push(t);
  return out;
}

/** Features of each candidate phrase of a sentence, for the span model. */
export function spanFeatures(sentence: string, candidates: readonly Candidate[], q: QuestionView): number[][] {
  const w = words(sentence);
  const tokens = sentenceTokens(sentence);
  const wh = whWord(q);
  const shape = questionShape(q);

  const isQuestionWord = (t: Token): boolean => {
    const term = termOf(t);
    return term !== null && q.termSet.has(term);
  };
  // A phrase that stops inside a run of content words ("drinking" of "drinking water") is rarely the whole answer.
  const boundary = (t: Token | undefined, gap: string): boolean => t === undefined || /[^\s]/.test(gap) || isStopWord(t.norm) || isQuestionWord(t);
  const matched = w.terms.filter((x) => q.termSet.has(x.term));
  const centre = matched.length ? matched.reduce((a, x) => a + x.pos, 0) / matched.length : 0;
  const posAt = (offset: number): number => {
    let pos = 0;
    for (const x of w.terms) if (x.start <= offset) pos = x.pos;
    return pos;
  };
  return candidates.map((c) => {
    const cw = words(c.text).terms;
    const inQuestion = cw.length ? cw.filter((x) => q.termSet.has(x.term)).length / cw.length : 1;
    const first = posAt(c.start);
    const last = first + Math.max(0, cw.length - 1);
    let dist = 30;
    let before = 0;
    const around = new Set<string>();
    for (const m of matched) {
      if (m.start >= c.start && m.end <= c.end) continue;
      const d = m.pos < first ? first - m.pos : m.pos > last ? m.pos - last : 0;
      if (d < dist) {
        dist = d;
        before = m.pos > last ? 1 : 0;
      }
      if (d <= 6) around.add(m.term);
    }
    const prefix = sentence.slice(Math.max(0, c.start - 24), c.start);
    const suffix = sentence.slice(c.end, c.end + 3);
    const length = cw.length || 1;
    // Rarity-weighted question words close on each side: the answer sits among what the question asks about.
    let nearBefore = 0;
    let nearAfter = 0;
    let relationNear = 0;
    for (const m of matched) {
      if (m.start >= c.start && m.end <= c.end) continue;
      const d = m.pos < first ? first - m.pos : m.pos > last ? m.pos - last : 0;
      if (d > 3) continue;
      if (m.pos < first) nearBefore += q.weight(m.term) / q.total;
      else nearAfter += q.weight(m.term) / q.total;
      if (m.term === q.keyRelation) relationNear = 1;
    }
    // A what-question's first word after its wh-word is usually what it asks for ("What colour…", "What kind of…");
    // a typed question's first word is its relation, already measured above.
    let focusDist = 30;
    for (const m of matched) {
      if (q.type !== 'other' || m.term !== q.wh.head || (m.start >= c.start && m.end <= c.end)) continue;
      focusDist = Math.min(focusDist, m.pos < first ? first - m.pos : m.pos > last ? m.pos - last : 0);
    }
    let prevTok: Token | undefined;
    let nextTok: Token | undefined;
    for (const t of tokens) {
      if (t.end <= c.start) prevTok = t;
      else if (t.start >= c.end && nextTok === undefined) nextTok = t;
    }
    const prevWord = prevTok?.norm ?? '';
    const nextWord = nextTok?.norm ?? '';
    const gapBefore = sentence.slice(prevTok?.end ?? 0, c.start);
    const gapAfter = sentence.slice(c.end, nextTok?.start ?? sentence.length);
    const tight = (gap: string): boolean => !/[^\s]/.test(gap);
    // Rarity-weighted share of the question within a wider window (the sliding-window baseline of SQuAD).
    let window6 = 0;
    let window12 = 0;
    let relationDist = 30;
    const seen6 = new Set<string>();
    const seen12 = new Set<string>();
    for (const m of matched) {
      if (m.start >= c.start && m.end <= c.end) continue;
      const d = m.pos < first ? first - m.pos : m.pos > last ? m.pos - last : 0;
      if (m.term === q.keyRelation) relationDist = Math.min(relationDist, d);
      if (d <= 6 && !seen6.has(m.term)) {
        seen6.add(m.term);
        window6 += q.weight(m.term) / q.total;
      }
      if (d <= 12 && !seen12.has(m.term)) {
        seen12.add(m.term);
        window12 += q.weight(m.term) / q.total;
      }
    }
    const raw = c.text.split(/\s+/);
    const capitals = raw.filter((x) => /^\p{Lu}/u.test(x)).length;
    const lastRaw = raw[raw.length - 1] ?? '';
    const focus = q.type === 'other' ? q.wh.head : undefined;
    const containsFocus = focus !== undefined && cw.some((x) => x.term === focus) && cw.some((x) => !q.termSet.has(x.term));
    const phraseLike = c.kind === 'phrase' || c.kind === 'name';
    // Which side of the candidate the question's words stand on, read against where the wh-word stands in the question.
    let afterShare = 0;
    let beforeShare = 0;
    let frontedBefore = 0;
    let frontedAfter = 0;
    let leftSide = false;
    let rightSide = false;
    const sided = new Set<string>();
    for (const m of matched) {
      if (m.start >= c.start && m.end <= c.end) continue;
      const d = m.pos < first ? first - m.pos : m.pos > last ? m.pos - last : 0;
      if (d > 6) continue;
      if (m.pos < first) leftSide = true;
      else rightSide = true;
      const key = `${m.pos < first ? '<' : '>'}${m.term}`;
      if (sided.has(key)) continue;
      sided.add(key);
      const share = q.weight(m.term) / q.total;
      if (shape.fronted.has(m.term)) {
        if (m.pos < first) frontedBefore += share;
        else frontedAfter += share;
      } else if (m.pos < first) beforeShare += share;
      else afterShare += share;
    }
    const middle = (first + last) / 2;
    // The wh-phrase's noun beside the candidate: "the river Deabolis", "standardized curricula", "religion … called X".
    let headBefore = false;
    let headAfter = false;
    let headIntro = false;
    if (shape.head !== undefined) {
      for (const m of matched) {
        if (m.term !== shape.head || (m.start >= c.start && m.end <= c.end)) continue;
        if (m.pos < first && first - m.pos <= 2) headBefore = true;
        if (m.pos === last + 1) headAfter = true;
        if (m.end <= c.start && c.start - m.end <= 30 && /\b(?:called|named|known as|such as|including|like|is|was|are|were|as)\b|^\s*[,:(]\s*$/i.test(sentence.slice(m.end, c.start))) headIntro = true;
      }
    }
    const features = [
      c.kind === 'name' ? 1 : 0,
      c.kind === 'time' ? 1 : 0,
      c.kind === 'number' ? 1 : 0,
      c.kind === 'cause' ? 1 : 0,
      c.kind === 'phrase' ? 1 : 0,
      inQuestion,
      1 / (1 + dist),
      Math.log1p(dist) / 3,
      around.size / (q.terms.length || 1),
      Math.min(length, 10) / 10,
      length === 1 ? 1 : 0,
      dist === 1 && before === 0 ? 1 : 0,
      before,
      /\(\s*$/.test(prefix) ? 1 : 0,
      LOCATIVE.test(prefix) ? 1 : 0,
      AGENT.test(prefix) ? 1 : 0,
      c.start === 0 ? 1 : 0,
      c.kind === 'number' && /\p{L}{3,}$/u.test(c.text) ? 1 : 0,
      length > 4 ? 1 : 0,
      COPULA.test(prefix) ? 1 : 0,
      dist === 1 && before === 1 ? 1 : 0,
      AUXILIARY.test(prefix) ? 1 : 0,
      /^\p{Ll}\S*(?:ed|ing|es)\b/u.test(c.text) ? 1 : 0,
      c.kind === 'phrase' && /^\p{Lu}/u.test(c.text) ? 1 : 0,
      nearBefore,
      nearAfter,
      relationNear,
      length === 2 ? 1 : 0,
      length === 3 ? 1 : 0,
      /^\s*(?:[,;:.)]|$)/.test(suffix) ? 1 : 0,
      /,\s*$/.test(prefix) ? 1 : 0,
      /\d/.test(c.text) ? 1 : 0,
      1 / (1 + focusDist),
      focusDist <= 3 ? 1 : 0,
      boundary(prevTok, gapBefore) ? 1 : 0,
      boundary(nextTok, gapAfter) ? 1 : 0,
      tight(gapBefore) && prevWord === 'of' ? 1 : 0,
      tight(gapBefore) && (prevWord === 'in' || prevWord === 'on' || prevWord === 'at') ? 1 : 0,
      tight(gapBefore) && (prevWord === 'for' || prevWord === 'to' || prevWord === 'with' || prevWord === 'from') ? 1 : 0,
      tight(gapBefore) && prevWord === 'as' ? 1 : 0,
      tight(gapBefore) && DETERMINERS.has(prevWord) ? 1 : 0,
      tight(gapBefore) && prevTok !== undefined && isQuestionWord(prevTok) ? 1 : 0,
      tight(gapAfter) && nextWord === 'of' ? 1 : 0,
      tight(gapAfter) && PREPOSITIONS.has(nextWord) && nextWord !== 'of' ? 1 : 0,
      tight(gapAfter) && VERBS_AFTER.has(nextWord) ? 1 : 0,
      tight(gapAfter) && CONJUNCTIONS.has(nextWord) ? 1 : 0,
      RELATIVES.has(nextWord) ? 1 : 0,
      tight(gapAfter) && nextTok !== undefined && isQuestionWord(nextTok) ? 1 : 0,
      nextTok === undefined ? 1 : 0,
      window6,
      window12,
      1 / (1 + relationDist),
      /["“‘']\s*$/.test(gapBefore) && /^\s*["”’']/.test(gapAfter) ? 1 : 0,
      capitals === raw.length ? 1 : 0,
      capitals > 0 && capitals < raw.length ? 1 : 0,
      /ly$/i.test(lastRaw) ? 1 : 0,
      /(?:ed|ing)$/i.test(lastRaw) && !/^\p{Lu}/u.test(lastRaw) ? 1 : 0,
      inQuestion > 0 ? 1 : 0,
      containsFocus ? 1 : 0,
      wh === 'which' && phraseLike && capitals > 0 ? 1 : 0,
      wh === 'what' && phraseLike && capitals > 0 ? 1 : 0,
      wh === 'how' && c.kind === 'phrase' ? 1 : 0,
      wh === 'how' && /^\p{Ll}[\p{L}-]*(?:ly)?$/u.test(c.text) ? 1 : 0,
      shape.subject ? afterShare : 0,
      shape.subject ? beforeShare : 0,
      shape.auxiliary ? afterShare : 0,
      shape.auxiliary ? beforeShare : 0,
      frontedBefore,
      frontedAfter,
      leftSide && rightSide ? 1 : 0,
      matched.length ? Math.min(1, Math.abs(middle - centre) / 10) : 1,
      ...nameCues(sentence, c),
      headBefore ? 1 : 0,
      headAfter ? 1 : 0,
      headIntro ? 1 : 0,
      shape.head !== undefined && cw.some((x) => x.term === shape.head) && cw.some((x) => !q.termSet.has(x.term)) ? 1 : 0,
      ...typedCues(sentence, c, first, last, matched, q, shape, prevTok),
      // The learnt answer-type prior's mass of the candidate's kind (0 without a prior).
      q.prior?.[priorKindIndex(c)] ?? 0,
    ];
    return features;
  });
}

/** The phrases that may answer: every candidate; the span model's weights for the question's type prefer the expected kind. */
export function spanCandidates(sentence: string, q: QuestionView): Candidate[] {
  return answerCandidates(sentence, q.termSet);
}

/**
 * Which candidates the span may be: any for an open question; for a typed one only those of
 * its kind (a *when* question never gets a name in bold, a *who* question never a date). Never
 * a phrase the question already says. The other kinds still compete in training, so the
 * weights learn what makes the right one of a kind.
 */
export function pickable(candidates: readonly Candidate[], q: QuestionView): boolean[] {
  const kind = KIND_OF[q.type];
  return candidates.map((c) => (kind === undefined || c.kind === kind) && !words(c.text).terms.every((x) => q.termSet.has(x.term)));
}

/**
 * The answer phrase of a sentence: its best pickable candidate under the span model, with the
 * model's probability for it (a softmax over the pickable candidates; each candidate's score
 * depends on it alone, so the others need not be scored).
 */
export function chooseSpan(sentence: string, q: QuestionView, weights: AskWeights = DEFAULT_ASK_WEIGHTS): { span: Candidate; typed: boolean; probability: number } | null {
  const all = spanCandidates(sentence, q);
  const may = pickable(all, q);
  const candidates = all.filter((_, i) => may[i]);
  if (candidates.length === 0) return null;
  const scores = spanFeatures(sentence, candidates, q).map((x) => spanScore(weights.span, q.type, x));
  let best = 0;
  scores.forEach((sc, i) => {
    if (sc > (scores[best] ?? -Infinity)) best = i;
  });
  const span = candidates[best];
  if (!span) return null;
  const top = scores[best] ?? 0;
  let total = 0;
  for (const sc of scores) total += Math.exp(sc - top);
  return { span, typed: KIND_OF[q.type] !== undefined, probability: 1 / total };
}

const RELATION = SENTENCE_FEATURES.indexOf('relationOverlap');
const TYPED_NEAR = SENTENCE_FEATURES.indexOf('typedNear');
const FOCUS_TYPED = SENTENCE_FEATURES.indexOf('focusTyped');

export interface PassageChoice {
  ranked: Ranked;
  features: number[];
  score: number;
  best: ScoredSentence;
  /**
   * Every sentence of the passage as the sentence model scored it. Only the re-ranker study reads
   * them (bench/rerank.ts, bench/study-rerank.ts; not adopted in session 19, kept to re-run it):
   * the array scorePool already built, so keeping it costs a reference, where re-scoring the
   * passage in the study would duplicate the engine's sentence scoring and could drift from it.
   */
  sentences: ScoredSentence[];
}

/**
 * The second pass over the retrieved pool: every passage scored by the passage model, whose
 * features include its best sentence and whether a candidate of the expected type stands
 * there, so a later paragraph naming the person beats a lead that only restates the topic.
 */
/** Where the news correction's cues sit among the passage features. */
export const PASSAGE_CUES = passageCues(PASSAGE_FEATURES);

/** The pool's stories, each once, in the order their first passage ranks. */
function poolArticles(index: PassageIndex, pool: readonly Ranked[]): number[] {
  const order: number[] = [];
  for (const r of pool) {
    const a = index.passages[r.passage]?.article;
    if (a !== undefined && !order.includes(a)) order.push(a);
  }
  return order;
}

/** Whether the news correction applies to this pool: decided once for the pool, by ask and its training alike. */
export function isNewsPoolOf(index: PassageIndex, pool: readonly Ranked[]): boolean {
  return isNewsPool(poolArticles(index, pool).map((a) => index.articles[a] as Article));
}

export function scorePool(index: PassageIndex, pool: readonly Ranked[], q: QuestionView, weights: AskWeights = DEFAULT_ASK_WEIGHTS): PassageChoice[] {
  const top = pool[0]?.score || 1;
  const articleOrder = poolArticles(index, pool);
  // Question words found in every paragraph of an article are its topic; those in few of them
  // point at the paragraph that answers (the lead repeats the topic, the answer adds the rest).
  const qIds = new Map<number, number>();
  for (const t of q.terms) {
    const id = index.vocab.get(t);
    if (id !== undefined) qIds.set(id, q.weight(t));
  }
  const spreadOf = new Map<number, { paragraphs: number; counts: Map<number, number> }>();
  const articleSpread = (article: number): { paragraphs: number; counts: Map<number, number> } => {
    let s = spreadOf.get(article);
    if (!s) {
      const counts = new Map<number, number>();
      const passages = index.articlePassages(article);
      for (const p of passages) for (const t of new Set(index.passageTerms(p))) if (qIds.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      s = { paragraphs: passages.length, counts };
      spreadOf.set(article, s);
    }
    return s;
  };
  const articleLocal = (p: number, article: number): number => {
    const { paragraphs, counts } = articleSpread(article);
    const norm = Math.log1p(paragraphs) * q.total;
    if (norm <= 0) return 0;
    let s = 0;
    for (const t of new Set(index.passageTerms(p))) {
      const w = qIds.get(t);
      if (w !== undefined) s += w * Math.log1p(paragraphs / (counts.get(t) ?? 1));
    }
    return s / norm;
  };
  // Share of the question's weight the whole article holds: a question about one story names
  // its topic even when the paragraph that answers does not repeat it.
  const articleOverlap = (article: number): number => {
    const { counts } = articleSpread(article);
    let s = 0;
    for (const [t, w] of qIds) if (counts.has(t)) s += w;
    return s / q.total;
  };
  const read = pool.map((r) => {
    const passage = index.passages[r.passage];
    const text = index.passageText(r.passage);
    const sentences = scoreSentences(text, q, weights);
    const chosen = highest(sentences, (s) => s.score) ?? { sentence: { text, start: 0, end: text.length }, features: [], score: 0, typed: [], overlap: 0 };
    const pick = weights.pick;
    const shown = pick ? highest(sentences, (s) => rankerScore(pick, s.features)) : undefined;
    const terms = words(text).terms.map((x) => x.term);
    const typedShare = sentences.length ? sentences.filter((s) => s.typed.length > 0).length / sentences.length : 0;
    return { passage, text, sentences, chosen, shown: shown ?? chosen, terms, typedShare, article: passage?.article ?? -1, overlap: overlapOf(terms, q) };
  });
  const siblings = relativeToSiblings(read, q);
  // Without a table the features are zeros: the passages' words and the collection are not worth building.
  const translated = q.align ? alignPassageFeatures(q, pool.map((r, i) => ({ terms: passageWords(index, r.passage), article: read[i]?.article ?? -1 })), collectionOf(index)) : undefined;
  const news = weights.newsCorrection !== undefined && isNewsPool(articleOrder.map((a) => index.articles[a] as Article));
  return pool.map((r, i) => {
    const { passage, sentences, chosen, shown, article, overlap } = read[i] ?? (read[0] as (typeof read)[number]);
    const title = article >= 0 ? [...(index.titleTerms[article] ?? [])].map((t) => index.vocabList[t] ?? '') : [];
    const features = [
      r.score / top,
      1 / (1 + i),
      chosen.score,
      chosen.typed.length > 0 ? 1 : 0,
      sentences.some((s) => s.typed.length > 0) ? 1 : 0,
      passage?.paragraph === 1 ? 1 : 0,
      overlap,
      overlapOf(title, q),
      1 / (1 + articleOrder.indexOf(article)),
      article === articleOrder[0] ? 1 : 0,
      Math.log1p(sentences.length) / 3,
      chosen.overlap,
      chosen.features[RELATION] ?? 0,
      chosen.features[TYPED_NEAR] ?? 0,
      article >= 0 ? articleLocal(r.passage, article) : 0,
      article >= 0 ? articleOverlap(article) : 0,
      ...(siblings[i] ?? []),
      ...(translated ? (translated[i] ?? []) : NO_ALIGN_PASSAGE),
    ];
    return { ranked: r, features, score: correctedScore(weights.newsCorrection, features, PASSAGE_CUES, rankerScore(weights.passage, features), q.type, news), best: shown, sentences };
  });
}

/** A passage's index terms with repeats (the translation model counts them). */
function passageWords(index: PassageIndex, p: number): string[] {
  return Array.from(index.passageTerms(p), (t) => index.vocabList[t] ?? '');
}

/** The archive as the translation model's smoothing: a word's share of all passage words, from its passage count (a word seldom repeats within one paragraph). */
function collectionOf(index: PassageIndex): Collection {
  const words = Math.max(1, index.avgLength * index.size);
  const df = index.df;
  return {
    probability: (term) => {
      const id = index.vocab.get(term);
      return ((id === undefined ? 0 : (df[id] ?? 0)) + 0.5) / words;
    },
    mu: Math.max(1, index.avgLength),
  };
}

/** The sentence a model scores highest (the first of equals): the sentence model's choice, or the pick model's shown sentence. */
function highest(sentences: readonly ScoredSentence[], score: (s: ScoredSentence) => number): ScoredSentence | undefined {
  let best: ScoredSentence | undefined;
  let bestScore = -Infinity;
  for (const s of sentences) {
    const v = score(s);
    if (best === undefined || v > bestScore) {
      best = s;
      bestScore = v;
    }
  }
  return best;
}

/** What scorePool has read of one pool passage, for comparing it with the others. */
interface PoolRead {
  passage: { paragraph: number } | undefined;
  chosen: ScoredSentence;
  terms: readonly string[];
  /** Share of its sentences holding a candidate of the expected type. */
  typedShare: number;
  article: number;
  overlap: number;
}

/**
 * RELATIVE_PASSAGE_FEATURES: each pool passage against the other pool passages of its own
 * article (and its best sentence against the whole pool). The lead of a story repeats the
 * question's topic words as well as the paragraph that answers does; what tells them apart is
 * what one has that its siblings lack: the better best sentence, a candidate of the expected
 * type, the question's relation words, words no sibling holds.
 */
export function relativeToSiblings(read: readonly PoolRead[], q: QuestionView): number[][] {
  const byArticle = new Map<number, number[]>();
  read.forEach((r, i) => {
    const list = byArticle.get(r.article);
    if (list) list.push(i);
    else byArticle.set(r.article, [i]);
  });
  const questionTerms = read.map((r) => new Set(r.terms.filter((t) => q.termSet.has(t))));
  return read.map((r, i) => {
    const same = byArticle.get(r.article) ?? [i];
    const others = same.filter((j) => j !== i);
    const max = (f: (x: PoolRead) => number): number => Math.max(...same.map((j) => f(read[j] ?? r)));
    const firstParagraph = Math.min(...same.map((j) => read[j]?.passage?.paragraph ?? Infinity));
    let unique = 0;
    for (const t of questionTerms[i] ?? []) if (!others.some((j) => questionTerms[j]?.has(t))) unique += q.weight(t);
    const focusTyped = r.chosen.features[FOCUS_TYPED] ?? 0;
    return [
      r.chosen.score - max((x) => x.chosen.score),
      Math.log1p(others.length) / 2,
      others.length > 0 && r.passage?.paragraph === firstParagraph ? 1 : 0,
      r.typedShare - max((x) => x.typedShare),
      (r.chosen.features[TYPED_NEAR] ?? 0) - max((x) => x.chosen.features[TYPED_NEAR] ?? 0),
      (r.chosen.features[RELATION] ?? 0) - max((x) => x.chosen.features[RELATION] ?? 0),
      others.length > 0 ? unique / q.total : 0,
      focusTyped,
      r.overlap - max((x) => x.overlap),
    ];
  });
}
