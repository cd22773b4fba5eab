// Hand-labelled news (bench/speaker-labels/): whole BBC and Reuters articles whose quotes readers
// labelled blind (they never saw the system's speakers). A label file holds one JSON line per
// article: {"corpus", "article", "quotes": [{"paragraph", "open", "speaker", "type"}]}, each quote
// keyed as bench/quote-speakers.ts keys it (the loader's 1-based paragraph and the offset of the
// opening mark in it). The text is never copied: the articles are read from the corpus folders
// through the real archive loader, and attribution's quotes are matched to labels BY KEY.
//
// A predicted speaker is judged against its label by type:
// The prediction is judged as a user sees it: the store's shown form (src/quotes/shown-name.ts: no
// dateline "March 17 - ", no markup or ticker, no possessive the article's own name lacks).
// - person: the same name after folding case, punctuation and diacritics. One honorific (Mr, Mrs, Ms,
//   Dr) is dropped first ("Mr King" is "King"). A one-word prediction (a surname) is right when it is the label's surname and nobody else the article names (labelled, or
//   found by the name scan) carries that surname: "Harle" is right for Tom Harle only if no
//   Ben Harle appears. A title glued to the name ("Harbour Under-secretary Ilse Korvan") is wrong:
//   it is what a reader is shown.
// - organisation: the same name after folding, without "the", a legal form or a ticker ("Moravel Canada
//   Inc" = "Moravel Canada"), an acronym of the other's capitalised words ("the PTU"), or the short
//   form the article uses: a leading run of the label's words ("Tamsin" ~ "Tamsin Instruments
//   Corp", "Thrift" ~ "Thrift Party") when no other person or organisation the article names (labelled,
//   or found by the name scan) starts with that word, and never a generic word alone ("Group",
//   "Party"). Aliases ("Cenres" for the Norland Central Reserve) are not read: they count wrong.
// - unnamed: the prediction folded equal to the label ("Guild delegates"), or a description (no person
//   or organisation the article names) whose head noun is the label's, singular and plural alike
//   ("one of the dealers" ~ "a dealer"). The head noun is the last word before a preposition, a
//   relative word, "by" or a participle after the first noun ("an analyst quoted", "a banker involved").
// The name scan behind the context reads the whole article, quotes included, so the surname rule is
// stricter than the runtime's view of who the article names.
// - none: nobody is credited.   - skip: not counted.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticleFile } from '../src/archive/load.js';
import type { Article } from '../src/archive/types.js';
import { foldName } from '../src/quotes/names.js';
import { paragraphBases, People } from '../src/quotes/people.js';
import { endsPossessive, shownForm, withoutPossessive } from '../src/quotes/shown-name.js';
import { jsonLines } from './jsonl.js';

export const LABEL_TYPES = ['person', 'organisation', 'unnamed', 'none', 'skip'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

export interface SpeakerLabel {
  paragraph: number;
  open: number;
  speaker: string | null;
  type: LabelType;
}

export interface LabelledNews {
  /** The file the labels came from (messages, per-reader counts). */
  file: string;
  corpus: string;
  article: string;
  quotes: SpeakerLabel[];
}

/** The key of a quote within its article, as bench/speaker-dump.ts's rowKey has it without the article. */
export const quoteKey = (paragraph: number, open: number): string => `${paragraph}#${open}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

/** The articles of one label file's text; a malformed line throws naming the file, the line and what is wrong. */
export function parseLabels(text: string, file: string): LabelledNews[] {
  const out: LabelledNews[] = [];
  for (const { value: json, where } of jsonLines(text, file)) {
    if (!isRecord(json)) throw new Error(`${where}: not a JSON object`);
    const { corpus, article, quotes } = json;
    if (typeof corpus !== 'string' || !/^[\w-]+$/u.test(corpus)) throw new Error(`${where}: "corpus" must be a folder name`);
    if (typeof article !== 'string' || article.length === 0) throw new Error(`${where}: "article" must be an article id`);
    if (!Array.isArray(quotes)) throw new Error(`${where}: "quotes" must be a list`);
    const seen = new Set<string>();
    const labels = quotes.map((q: unknown, k): SpeakerLabel => {
      const at = `${where}: quote ${k + 1}`;
      if (!isRecord(q)) throw new Error(`${at}: not an object`);
      const { paragraph, open, speaker, type } = q;
      if (!isCount(paragraph, 1)) throw new Error(`${at}: "paragraph" must be a 1-based paragraph number`);
      if (!isCount(open, 0)) throw new Error(`${at}: "open" must be the opening mark's offset (an integer ≥ 0)`);
      if (typeof type !== 'string' || !(LABEL_TYPES as readonly string[]).includes(type)) throw new Error(`${at}: "type" must be one of ${LABEL_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
      const t = type as LabelType;
      const named = t === 'person' || t === 'organisation' || t === 'unnamed';
      if (named && (typeof speaker !== 'string' || speaker.trim().length === 0)) throw new Error(`${at}: a ${t} label needs a "speaker"`);
      const key = quoteKey(paragraph, open);
      if (seen.has(key)) throw new Error(`${at}: paragraph ${paragraph} offset ${open} is labelled twice`);
      seen.add(key);
      return { paragraph, open, speaker: named ? (speaker as string).trim() : null, type: t };
    });
    out.push({ file, corpus, article, quotes: labels });
  }
  return out;
}

/** The labels of files and folders (a folder: its *.jsonl files, sorted); an article labelled twice throws. */
export function readNewsLabels(paths: readonly string[]): LabelledNews[] {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
  if (files.length === 0) throw new Error(`no label files (*.jsonl) in ${paths.join(', ')}`);
  const out: LabelledNews[] = [];
  const from = new Map<string, string>();
  for (const file of files) {
    for (const a of parseLabels(readFileSync(file, 'utf8'), file)) {
      const id = `${a.corpus}/${a.article}`;
      const earlier = from.get(id);
      if (earlier) throw new Error(`${file}: article ${id} is labelled in ${earlier} too`);
      from.set(id, file);
      out.push(a);
    }
  }
  return out;
}

/** How a prediction's name compares with a person label's, given who else the article names. */
export interface JudgeContext {
  /** Folded full names of the people the article names (two words or more), by each folded word after the first. */
  bySurname: ReadonlyMap<string, ReadonlySet<string>>;
  /** Folded names of the people and organisations the article names (labels and the name scan). */
  named?: ReadonlySet<string>;
  /** Folded names of the organisations the name scan finds (the short-form rule). */
  orgs?: ReadonlySet<string>;
  /** The article's paragraphs: a shown name keeps a possessive only when the article writes it so. */
  paragraphs?: readonly string[];
}

const withoutThe = (s: string): string => foldName(s.trim().replace(/^the\s+/iu, ''));

/** The people an article names (the labels' persons and the name scan's, by surname), and every person and organisation it names. */
export function judgeContext(article: Article, labels: readonly SpeakerLabel[]): JudgeContext {
  const bySurname = new Map<string, Set<string>>();
  const add = (name: string): void => {
    const words = nameWords(name);
    // Each word after the first may be what a surname alone refers to ("Dovan" of Pia Dovan Rusk).
    for (const w of words.slice(1)) {
      const s = foldName(w);
      const set = bySurname.get(s) ?? new Set<string>();
      set.add(foldName(words.join(' ')));
      bySurname.set(s, set);
    }
  };
  const named = new Set<string>();
  for (const l of labels) {
    if (l.type === 'person' && l.speaker) add(l.speaker);
    if ((l.type === 'person' || l.type === 'organisation') && l.speaker) named.add(withoutThe(l.speaker));
  }
  const people = new People(article.paragraphs, paragraphBases(article.paragraphs), () => false);
  for (const p of people.persons.values()) {
    if (!p.group) add(p.name);
    named.add(withoutThe(p.name));
  }
  // The scan's organisations, for the short-form rule only ("Bexley Motors" beside a labelled Bexley
  // Instruments), read through People's public lookups from the article's end back. Not in `named`:
  // the scan takes a capitalised sentence start for an organisation ("Delegates said"), and a
  // description would then be judged a name.
  const orgs = new Set<string>();
  for (let at = Number.MAX_SAFE_INTEGER; ; ) {
    const pos = people.orgPosBefore(at, Number.POSITIVE_INFINITY);
    if (pos < 0) break;
    const name = people.orgBefore(at, Number.POSITIVE_INFINITY);
    if (name) orgs.add(withoutThe(name));
    at = pos;
  }
  return { bySurname, named, orgs, paragraphs: article.paragraphs };
}

/** The speaker as the store shows it (src/quotes/store.ts): its shown form, without a possessive the article lacks. */
export function shownSpeaker(speaker: string, paragraphs: readonly string[] = []): string {
  const form = shownForm(speaker);
  return endsPossessive(form) ? withoutPossessive(form, paragraphs) : form;
}

/** Plural and singular alike: "dealers" ~ "dealer", "spokesmen" ~ "spokesman", "parties" ~ "party". */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('men')) return `${w.slice(0, -3)}man`;
  if (w.endsWith('people')) return `${w.slice(0, -6)}person`;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/u.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Words before "of" that leave the head to the phrase after it: "one of the dealers", "some of the officials". */
const PARTITIVE = new Set(['one', 'two', 'three', 'some', 'many', 'most', 'several', 'both', 'all', 'each', 'none', 'another', 'any', 'few']);
/** Where a description's own phrase ends: its head noun is the last word before these. */
const PHRASE_END = new Set(['of', 'at', 'for', 'in', 'from', 'with', 'on', 'to', 'by', 'who', 'which', 'that', 'close', 'familiar', 'based', 'told', 'said']);
/** Words that open a description before its nouns: a participle here modifies the noun ("a leading economist"). */
const OPENERS = new Set(['a', 'an', 'the', 'one', 'two', 'three', 'some', 'many', 'most', 'several', 'both', 'all', 'each', 'another', 'any', 'few', 'other', 'this', 'that', 'these', 'those']);
/** A participle after the first noun starts a phrase of its own: "taking part …", "involved in …", "led by …", "quoted". */
const PARTICIPLE = /^(?:[\p{L}-]{2,}(?:ing|ed)|led|held|run|made|known|paid|given|taken|hit)$/u;

const startsPhrase = (next: string | undefined): boolean => next === undefined || next === 'part' || OPENERS.has(next) || PHRASE_END.has(next) || /^[,;:()]$/u.test(next);

/** The head noun of a description, stemmed: "a grain dealer at a large Lundian bank" → dealer, "one of the dealers" → dealer. */
export function headNoun(description: string): string | null {
  const span = headSpan(description);
  return span && stem(span.head.replace(/['’]s?$/u, '').replace(/\.$/u, ''));
}

/** The words of a description from where its phrase starts to its head noun (original case), the head lower-cased, and where the phrase starts. */
function headSpan(description: string): { before: string[]; head: string; first: number } | null {
  const raw = description.match(/[\p{L}\p{N}.'’-]+|[,;:()]/gu) ?? [];
  const words = raw.map((w) => w.toLowerCase());
  let start = 0;
  if (PARTITIVE.has(words[0] ?? '') && words[1] === 'of') start = 2;
  let end = start;
  let content = 0;
  for (; end < words.length; end++) {
    const w = words[end] ?? '';
    if (PHRASE_END.has(w) || /^[,;:()]$/u.test(w)) break;
    // After a noun ("a Norland negotiator taking part"), not before it ("a leading economist", "a newly elected mayor").
    // An -ing word before a noun still modifies it ("coastal shipping sources"); it starts a phrase
    // when an object or nothing follows it ("attending the talks", "taking part in").
    if (content > 0 && PARTICIPLE.test(w) && !(words[end - 1] ?? '').endsWith('ly') && (!w.endsWith('ing') || startsPhrase(words[end + 1]))) break;
    if (!OPENERS.has(w)) content++;
  }
  const head = words[end - 1];
  if (end <= start || !head) return null;
  return { before: raw.slice(start, end - 1), head, first: start };
}

/**
 * The capitalised modifiers before a description's head, folded: whose spokesman or official it is
 * ("a Moravel spokesman" → moravel, "a senior U.S. official" → us, "LUNTA's spokesman" → lunta).
 */
export function ownerWords(description: string): Set<string> {
  const span = headSpan(description);
  const out = new Set<string>();
  (span?.before ?? []).forEach((w, i) => {
    // A description's first word may be capitalised only as a sentence start ("Senior officials"): it
    // counts when it is an acronym ("LUNTA's spokesman"), else the head alone decides, as before.
    if (!/^\p{Lu}/u.test(w) || OPENERS.has(w.toLowerCase())) return;
    if (i === 0 && span?.first === 0 && !/^\p{Lu}[\p{Lu}.]+(?:['’]s)?$/u.test(w)) return;
    const folded = foldName(w.replace(/['’]s?$/u, ''));
    if (folded) out.add(folded);
  });
  return out;
}

/**
 * Two descriptions with the same head belong to the same owner: when both name one (an
 * organisation, nationality or place before the head), they share a word of it; when either names
 * none ("a spokesman"), the head alone decides. "a Corvale spokesman" is not "a Moravel spokesman".
 */
export function sameOwner(a: string, b: string): boolean {
  const x = ownerWords(a);
  const y = ownerWords(b);
  return x.size === 0 || y.size === 0 || [...x].some((w) => y.has(w));
}

/** A description, not a name: no person or organisation the article names ("a dealer", "Diplomats"; not "Reuters"). */
export const isDescription = (speaker: string, ctx: JudgeContext): boolean => {
  const folded = withoutThe(speaker);
  if (ctx.named?.has(folded)) return false;
  // A surname of someone the article names is a name too.
  return !(folded.split(' ').length === 1 && ctx.bySurname.has(folded));
};

/** One honorific before a name: "Mr King" is read as "King". */
const HONORIFIC = /^(?:mr|mrs|ms|dr)\.?\s+(?=\S)/iu;

/** Whether `speaker` (the prediction; null = nobody) is right for `label`. A skip label is never right: it does not count. */
export function judgeLabel(label: SpeakerLabel, raw: string | null, ctx: JudgeContext): boolean {
  const speaker = raw === null ? null : shownSpeaker(raw, ctx.paragraphs);
  switch (label.type) {
    case 'skip':
      return false;
    case 'none':
      return speaker === null;
    case 'unnamed': {
      if (speaker === null) return false;
      if (foldName(speaker) === foldName(label.speaker ?? '')) return true;
      if (!isDescription(speaker, ctx)) return false;
      const want = headNoun(label.speaker ?? '');
      return want !== null && headNoun(speaker) === want && sameOwner(speaker, label.speaker ?? '');
    }
    case 'organisation':
      return speaker !== null && (sameOrganisation(speaker, label.speaker ?? '') || shortForm(speaker, label.speaker ?? '', ctx));
    case 'person': {
      if (speaker === null) return false;
      // The honorific goes first, on every path: "Dr Ann Cole" is "Ann Cole", "Mr King" is "King".
      const bare = speaker.replace(HONORIFIC, '');
      if (foldName(bare) === foldName(label.speaker ?? '')) return true;
      // A surname alone (either side) stands for the full name only when no one else the article names shares it.
      const said = nameWords(bare);
      const want = nameWords(label.speaker ?? '');
      if ((said.length === 1) === (want.length === 1)) return false;
      // The one word is any word of the full name after the first: "Dovan" for Pia Dovan Rusk.
      const [one, full] = said.length === 1 ? [said, want] : [want, said];
      const surname = foldName(one[0] ?? '');
      if (!full.slice(1).some((w) => foldName(w) === surname)) return false;
      const fullName = foldName(full.join(' '));
      return [...(ctx.bySurname.get(surname) ?? [])].every((n) => n === fullName);
    }
  }
}

const nameWords = (s: string): string[] => s.trim().split(/\s+/u);

/** Words that never name an organisation alone, whatever it is called ("Group" of "Harlow Group"). */
const GENERIC = new Set(
  'corp corporation company co inc group party bank union council chamber exchange house court bureau government ministry department association board committee agency commission federation fund trust society institute authority office service services international national general united american british first new'.split(' '),
);

/**
 * The article's own short form of an organisation: the prediction is a leading run of the label's
 * words (legal form dropped), not a generic word alone, and nobody else the article names starts
 * with its first word ("Tamsin" for Tamsin Instruments Corp, unless a "Tamsin Motors" appears).
 */
export function shortForm(speaker: string, label: string, ctx: JudgeContext): boolean {
  const said = orgForm(speaker).split(' ').filter(Boolean);
  const full = orgForm(label).split(' ').filter(Boolean);
  if (said.length === 0 || said.length >= full.length || !said.every((w, i) => w === full[i])) return false;
  if (said.length === 1 && GENERIC.has(said[0] ?? '')) return false;
  const fits = (name: string): boolean => {
    const words = orgForm(name).split(' ').filter(Boolean);
    if (words[0] !== said[0]) return true;
    const n = Math.min(words.length, full.length);
    return words.slice(0, n).every((w, i) => w === full[i]);
  };
  return [...(ctx.named ?? []), ...(ctx.orgs ?? [])].every(fits);
}

/** A company's legal form and ticker are not its name: "Moravel Canada Inc" is "Moravel Canada", "Harlow Group Plc <HRLW.L>" is "Harlow Group". */
const LEGAL_FORM = /(?:\s+(?:inc|incorporated|corp|corporation|co|company|plc|ltd|limited|pty|ag|sa|nv|llc|group|holdings?)\.?,?)+$/iu;
const orgForm = (s: string): string => withoutThe(s.replace(/<[^>]*>/gu, ' ').trim().replace(LEGAL_FORM, ''));
const initials = (s: string): string =>
  s
    .replace(/^the\s+/iu, '')
    .split(/[\s-]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

/** The same organisation: the same name without "the", legal form or ticker, or an acronym of the other's capitalised words ("the PTU", "Port Transit Union"). */
export function sameOrganisation(a: string, b: string): boolean {
  if (orgForm(a) === orgForm(b)) return true;
  const acronym = (x: string): string | null => {
    const w = x.replace(/^the\s+/iu, '').trim();
    return /^\p{Lu}{2,6}$/u.test(w) ? w : null;
  };
  const ax = acronym(a);
  const bx = acronym(b);
  return (ax !== null && bx === null && ax === initials(b)) || (bx !== null && ax === null && bx === initials(a));
}

/** A labelled article read from its corpus folder, with its labels by key and what judging them needs. */
export interface NewsArticle {
  set: { name: string };
  corpus: string;
  article: Article;
  labels: ReadonlyMap<string, SpeakerLabel>;
  context: JudgeContext;
}

/**
 * The labelled articles read from `corporaDir/<corpus>/<article>.txt` by the archive loader; the
 * `setName` names them as one training set. An article the folder lacks throws (wrong --corpora).
 */
export function loadNews(labels: readonly LabelledNews[], corporaDir: string, setName = 'news'): NewsArticle[] {
  return labels.map((l) => {
    const dir = join(corporaDir, l.corpus);
    const { article, warnings } = loadArticleFile(dir, `${l.article}.txt`);
    if (!article) throw new Error(`${l.file}: article ${l.article} not readable in ${dir} (${warnings.map((w) => w.message).join('; ') || 'no text'})`);
    return {
      set: { name: setName },
      corpus: l.corpus,
      article,
      labels: new Map(l.quotes.map((q) => [quoteKey(q.paragraph, q.open), q])),
      context: judgeContext(article, l.quotes),
    };
  });
}

/** The judge of the quote at (paragraph, open) of a labelled article: null when it has no label or the label is a skip. */
export function judgeAt(a: NewsArticle, paragraph: number, open: number): ((speaker: string | null) => boolean) | null {
  const label = a.labels.get(quoteKey(paragraph, open));
  if (!label || label.type === 'skip') return null;
  return (speaker) => judgeLabel(label, speaker, a.context);
}

/** Wilson 95% interval of `right` out of `n`. */
export function wilson(right: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = right / n;
  const d = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

/** Whether two readers' labels of one quote agree: the same type, and for named types the same speaker as the judge reads it. */
export function labelsAgree(a: SpeakerLabel, b: SpeakerLabel, ctx: JudgeContext): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'person' || a.type === 'organisation') return judgeLabel(a, b.speaker, ctx);
  if (a.type === 'unnamed') return headNoun(a.speaker ?? '') === headNoun(b.speaker ?? '');
  return true;
}
