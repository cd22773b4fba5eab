import { looksLikePersonName, splitTitle } from '../quotes/names.js';
import { isStopWord, termOf, tokenize, type Token } from '../text/tokenize.js';

/**
 * Answer candidates in one sentence: names, dates, amounts, causes, and the plain phrases
 * between the question's own words. Regular expressions rather than an NLP package: the
 * `compromise` tagger took ~9 ms a paragraph (ask must stay well under 25 ms over 20
 * passages) and its entity labels were no better on news than capitalisation is.
 */
export type CandidateKind = 'name' | 'time' | 'number' | 'cause' | 'phrase';

export interface Candidate {
  kind: CandidateKind;
  /** Character offsets in the sentence. */
  start: number;
  end: number;
  text: string;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|half|a third|a quarter';
const SCALE = '(?:\\s?(?:bn|mn|m|k|%)(?![\\p{L}\\p{N}])|\\s(?:hundred|thousand|million|billion|trillion|mln|bln|billions?|millions?)(?![\\p{L}]))?';
const UNITS =
  'per\\s?cent|percent|pct|points?|dlrs|stg|dollars?|pounds?|euros?|yen|marks|francs|yuan|rupees?|cents?|pence|tonnes?|tons?|barrels?|ounces?|kg|kilograms?|kilometres?|kilometers?|km|miles?|metres?|meters?|feet|foot|inches?|acres?|hectares?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|people|votes?|shares?|seats?|times|degrees?|square miles|square kilometres';

const TIME_RE = new RegExp(
  [
    `(?:(?:${DAYS}),?\\s+)?(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?(?:,?\\s+\\d{4})?`,
    `(?:early|mid|late)?[-\\s]?(?:${MONTHS})\\.?\\s+(?:of\\s+)?\\d{4}`,
    `(?:the\\s+)?(?:early\\s+|mid-?|late\\s+)?(?:1[0-9]|20)\\d0s`,
    `(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\s+century(?:\\s+(?:BC|AD|BCE|CE))?`,
    `(?:AD\\s+)?(?:1[0-9]{3}|20[0-9]{2})(?:\\s+(?:BC|AD|BCE|CE))?(?:\\s?[-–]\\s?(?:1[0-9]{3}|20[0-9]{2}|[0-9]{2}))?`,
    `${DAYS}|yesterday|today|tomorrow|last (?:week|month|year|night)|next (?:week|month|year)`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'gu',
);

const NUMBER_RE = new RegExp(
  `(?:(?:US|C|A|HK|NZ)?[$£€¥]\\s?)?(?:\\d[\\d,]*(?:\\.\\d+)?(?:\\s?[-–]\\s?\\d[\\d,]*(?:\\.\\d+)?)?|(?:${NUMBER_WORDS})(?:[-\\s](?:${NUMBER_WORDS}))*)${SCALE}`,
  'giu',
);
const UNIT_RE = new RegExp(`^\\s+(?:of\\s+)?(?:${UNITS})\\b`, 'i');

/** "/87", "/2,000", "/0.5" after a number: the second half of a pair written with a slash. */
const SLASH_PAIR = /^\/(\d[\d,]*(?:\.\d+)?)/;
/** Denominators a fraction or ratio is usually written with ("3/4", "1/10", "50/100"). */
const FRACTION_DENOMINATORS: ReadonlySet<string> = new Set(['2', '3', '4', '5', '8', '10', '100']);
/**
 * Whether "N/M" is one amount (a fraction or ratio: "3/4", "24/7", "50/50", "1.5/2.5 tonnes")
 * rather than a date ("9/11", "on 7/10") or a season ("1986/87"), which give no amount.
 */
function isRatio(n: string, m: string, before: string, after: string): boolean {
  if (/\b(?:on|since|until|before|after)\s+$/i.test(before.slice(-12))) return false;
  if (UNIT_RE.test(after.slice(0, 40))) return true;
  return FRACTION_DENOMINATORS.has(m) || n === m || (n === '24' && m === '7');
}
const YEAR_ONLY = /^(?:1[0-9]{3}|20[0-9]{2})$/;

// A capitalised run, allowing lower-case joiners inside ("Bank of England", "Leonardo da Vinci").
const NAME_RE = /[\p{Lu}][\p{L}\p{M}'’.&-]*(?:\s+(?:(?:of|the|de|da|di|du|del|der|van|von|la|le|&)\s+)*[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.&-]*)*/gu;
const CAUSE_RE = /\b(?:because(?:\s+of)?|due to|owing to|as a result of|thanks to|caused by|in order to|so that|in response to)\s+[^,.;:!?]+/giu;
const BREAK = /[,;:()"“”[\]!?]|\s[-–—]\s|\.\s/;

function clean(sentence: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (e > s && /[\s,.;:'’"”)]/.test(sentence[e - 1] ?? '')) {
    // Keep the full stop of an abbreviation ("Inc.", "U.S.").
    if (sentence[e - 1] === '.' && /(?:^|[\s.])\p{L}{1,3}\.$/u.test(sentence.slice(Math.max(s, e - 5), e))) break;
    e--;
  }
  while (s < e && /[\s"“'‘(]/.test(sentence[s] ?? '')) s++;
  return [s, e];
}

function push(out: Candidate[], seen: Set<string>, sentence: string, kind: CandidateKind, start: number, end: number): void {
  const [s, e] = clean(sentence, start, end);
  if (e <= s) return;
  const key = `${kind}:${s}:${e}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.push({ kind, start: s, end: e, text: sentence.slice(s, e) });
}

// A wire-copy dateline ("NEW YORK, March 13 - ", "Caracas, march 11 - ") says where and when the
// story was filed, not what it reports.
const DATELINE = new RegExp(`^[\\p{Lu}][\\p{L}.' -]{1,40}(?:,\\s*[\\p{L}.]{2,12})?,\\s+(?:${MONTHS})\\.?\\s+\\d{1,2}\\s+-\\s+`, 'iu');

// A wire-copy stock code after a company's name ("Citicorp <CCI>", "<GM.N>", "<BCLJ.J>") names no one new:
// it is the company the sentence has just named. Company names in brackets ("<Ford Motor Co>") stay.
const TICKER = /<[\p{Lu}\d][\p{Lu}\d.]{0,9}>/gu;

/** Typed candidates only: names, dates, amounts and causes (cheap; used for every sentence). */
export function typedCandidates(sentence: string): Candidate[] {
  const dateline = DATELINE.exec(sentence)?.[0].length ?? 0;
  const masked = (dateline > 0 ? ' '.repeat(dateline) + sentence.slice(dateline) : sentence).replace(TICKER, (m) => ' '.repeat(m.length));
  if (masked !== sentence) return typedIn(masked).map((c) => ({ ...c, text: sentence.slice(c.start, c.end) }));
  return typedIn(sentence);
}

/** typedCandidates of a sentence whose dateline and stock codes are blanked (offsets unchanged). */
function typedIn(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const m of sentence.matchAll(TIME_RE)) {
    if (m[0].trim()) push(out, seen, sentence, 'time', m.index, m.index + m[0].length);
  }
  for (const m of sentence.matchAll(NUMBER_RE)) {
    const raw = m[0];
    if (!/\S/.test(raw) || YEAR_ONLY.test(raw.trim())) continue;
    // Not the digits of a date or a word ("A4", "10th"), and not "one" of "one of them" when it is a pronoun.
    const before = sentence[m.index - 1] ?? ' ';
    const after = sentence[m.index + raw.length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    let end = m.index + raw.length;
    // The second half of "1986/87" (a season or fiscal year: its first year is the time) or of
    // "24/7", "3/4" is no amount of its own; nor is a number inside a path ("site.com/page/12").
    if (before === '/') continue;
    const slash = SLASH_PAIR.exec(sentence.slice(end, end + 16));
    if (slash) {
      // "3/4/2020", "page/12/34/x": a date or a path, no amount.
      if (/[\p{L}\p{N}/]/u.test(sentence[end + slash[0].length] ?? ' ')) continue;
      if (!isRatio(raw.trim(), slash[1] ?? '', sentence.slice(0, m.index), sentence.slice(end + slash[0].length))) continue;
      end += slash[0].length;
    }
    push(out, seen, sentence, 'number', m.index, end);
    const unit = UNIT_RE.exec(sentence.slice(end, end + 40));
    if (unit) push(out, seen, sentence, 'number', m.index, end + unit[0].length);
  }
  for (const m of sentence.matchAll(NAME_RE)) {
    let start = m.index;
    let text = m[0];
    // A capitalised stop word opening the run ("The", "In", "After") is not part of the name.
    for (let w = /^(\S+)\s+/.exec(text); w && isStopWord(w[1]?.toLowerCase() ?? ''); w = /^(\S+)\s+/.exec(text)) {
      start += w[0].length;
      text = text.slice(w[0].length);
    }
    const bare = text.replace(/[.'’-]+$/, '');
    // "About 3 million": the capitalised opener dropped leaves no name.
    if (!bare || (!bare.includes(' ') && isStopWord(bare.toLowerCase())) || !/\p{Lu}/u.test(bare)) continue;
    if (new RegExp(`^(?:${MONTHS}|${DAYS})$`).test(bare)) continue;
    push(out, seen, sentence, 'name', start, start + text.length);
  }
  for (const m of sentence.matchAll(CAUSE_RE)) push(out, seen, sentence, 'cause', m.index, m.index + m[0].length);
  // The day and year of a date are not amounts, nor "Feb. 3" a name; a name stops where a date starts.
  const dates = out.filter((c) => c.kind === 'time');
  const kept: Candidate[] = [];
  for (const c of out) {
    if (c.kind !== 'number' && c.kind !== 'name') {
      kept.push(c);
      continue;
    }
    const date = dates.find((d) => c.start < d.end && d.start < c.end);
    if (!date) kept.push(c);
    else if (c.kind === 'name') {
      if (c.start < date.start) {
        const cut = /^(.*?\S)(?:\s+(?:of|the|de|da|di|du|del|der|van|von|la|le|&))*\s*$/su.exec(sentence.slice(c.start, date.start));
        if (cut?.[1]) kept.push({ ...c, end: c.start + cut[1].length, text: cut[1] });
      }
      // "On 12 September 2007 Anna Weiss opened…": the name after the date is a name too.
      const rest = /^[\s,]*((?:of|the|de|da|di|du|del|der|van|von|la|le|&)\s+)*/u.exec(sentence.slice(date.end, c.end))?.[0].length ?? 0;
      const start = date.end + rest;
      if (c.end > start && /^\p{Lu}/u.test(sentence.slice(start, c.end)) && !dates.some((d) => start < d.end && d.start < c.end)) {
        kept.push({ ...c, start, text: sentence.slice(start, c.end) });
      }
    }
  }
  return kept;
}

/**
 * Every candidate of a sentence: the typed ones, plus the phrases made of words the question
 * does not use, cut at punctuation and at the question's words ("What colour…?" → "gold").
 */
export function answerCandidates(sentence: string, questionTerms: ReadonlySet<string>): Candidate[] {
  const out = typedCandidates(sentence);
  const seen = new Set(out.map((c) => `${c.kind}:${c.start}:${c.end}`));
  nameVariants(sentence, out, seen);
  const tokens = tokenize(sentence).filter((t, i, all) => i === 0 || t.start >= (all[i - 1]?.end ?? 0));
  let run: Token[] = [];
  const flush = (): void => {
    emitPhrases(run, (s, e) => push(out, seen, sentence, 'phrase', s, e));
    run = [];
  };
  let prevEnd = 0;
  for (const t of tokens) {
    if (run.length > 0 && BREAK.test(sentence.slice(prevEnd, t.start))) flush();
    prevEnd = t.end;
    const term = termOf(t);
    if (term && questionTerms.has(term)) {
      flush();
      continue;
    }
    run.push(t);
  }
  flush();
  return out;
}

const JOINED = /^\s+(?:and|&)\s+$/;
const LISTED = /^,\s+$/;
const LIST_END = /^,?\s+and\s+$/;
const PARTICLE_WORDS = new Set(['of', 'the', 'de', 'da', 'di', 'du', 'del', 'der', 'van', 'von', 'la', 'le', '&']);

/**
 * Other readings of the names, for the span only (sentence features read the typed candidates
 * as they are): two names joined by "and" as one ("William and Judith Bollinger"), a name
 * without the title or role before it ("Duke *William II* of Normandy", "Microsoft CEO *Satya
 * Nadella*"), and a person's name without the "of Place" after it ("*Duke William II* of
 * Normandy"). The span model weighs them against the runs they come from.
 */
function nameVariants(sentence: string, out: Candidate[], seen: Set<string>): void {
  const names = out.filter((c) => c.kind === 'name').sort((a, b) => a.start - b.start);
  for (const [i, c] of names.entries()) {
    const next = names[i + 1];
    if (next && next.start > c.end && JOINED.test(sentence.slice(c.end, next.start))) push(out, seen, sentence, 'name', c.start, next.end);
    // "Neil Armstrong, Michael Collins and Buzz Aldrin": a list of names closed by "and" (from its first name only).
    const prev = names[i - 1];
    if (!prev || !LISTED.test(sentence.slice(prev.end, c.start))) {
      for (let j = i + 1; j < names.length && j - i <= 6; j++) {
        const gap = sentence.slice(names[j - 1]?.end ?? 0, names[j]?.start ?? 0);
        if (j - i >= 2 && LIST_END.test(gap)) push(out, seen, sentence, 'name', c.start, names[j]?.end ?? c.end);
        if (!LISTED.test(gap)) break;
      }
    }
    const words = [...c.text.matchAll(/\S+/g)].map((m) => ({ w: m[0], start: c.start + m.index, end: c.start + m.index + m[0].length }));
    const ofAt = words.findIndex((x, k) => k > 0 && x.w === 'of');
    const head = ofAt > 0 ? words.slice(0, ofAt) : words;
    if (head.some((x) => PARTICLE_WORDS.has(x.w))) continue;
    const { title, name } = personParts(head.map((x) => x.w));
    const last = head[head.length - 1];
    const first = words[title.length];
    if (!last || !first || name.length === 0) continue;
    // "Duke William II" of Normandy, not "Battle" of Hastings: a person's name before "of" keeps its title.
    if (ofAt > 0 && (title.length > 0 || name.length > 1)) push(out, seen, sentence, 'name', c.start, last.end);
    if (title.length > 0) push(out, seen, sentence, 'name', first.start, ofAt > 0 ? last.end : c.end);
  }
}

const NUMERAL = /^(?:[IVX]{1,5}|Jr\.?|Sr\.?)$/;
// Ranks of nobility the quote lexicon (a news speaker's titles) does not list.
const NOBLE = /^(?:Duke|Duchess|Earl|Count|Countess|Baron|Baroness|Emperor|Empress|Tsar|Czar|Sultan|Khan|Archduke|Saint|Pharaoh|Caliph|Shah|Emir)$/;

/** A run's leading title and the person's name after it, when it reads as one ("King Harold II"); no name otherwise. */
function personParts(run: readonly string[]): { title: string[]; name: string[] } {
  let end = run.length;
  while (end > 1 && NUMERAL.test(run[end - 1] ?? '')) end--;
  const noble = NOBLE.test(run[0] ?? '') && end > 1 ? 1 : 0;
  const split = splitTitle(run.slice(noble, end));
  const title = [...run.slice(0, noble), ...split.title];
  const name = split.name;
  return looksLikePersonName(name) ? { title, name: [...name, ...run.slice(end)] } : { title, name: [] };
}

const MAX_PHRASE = 8;
const MAX_PIECE = 3;

/** The run trimmed of stop words at both ends, and its stop-word-free pieces. */
function emitPhrases(run: readonly Token[], emit: (start: number, end: number) => void): void {
  const content = (t: Token | undefined): boolean => t !== undefined && !isStopWord(t.norm);
  let a = 0;
  let b = run.length;
  while (a < b && !content(run[a])) a++;
  while (b > a && !content(run[b - 1])) b--;
  if (a >= b) return;
  if (b - a <= MAX_PHRASE) emit(run[a]?.start ?? 0, run[b - 1]?.end ?? 0);
  let from = -1;
  for (let i = a; i <= b; i++) {
    if (i < b && content(run[i])) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      if (!(from === a && i === b) && i - from <= MAX_PHRASE) emit(run[from]?.start ?? 0, run[i - 1]?.end ?? 0);
      // Without a tagger the verb is not cut off ("follow standardized"): short pieces of the run are candidates too.
      for (let x = from; x < i; x++) {
        for (let y = x + 1; y <= Math.min(i, x + MAX_PIECE); y++) if (!(x === from && y === i)) emit(run[x]?.start ?? 0, run[y - 1]?.end ?? 0);
      }
      from = -1;
    }
  }
}
