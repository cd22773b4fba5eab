import { isPlaceName } from '../search/places.js';
import { isFirstName } from './first-names.js';
import { isCapitalisedDayOrMonth, isDemonym, isNonNameStarter, isOrgWord, isTitleWord } from './names.js';

// Definite descriptions of organisations ("the company said", "the central bank said", "the
// ratings agency said"): which organisation the text names that such a description refers to.
// A description of a kind refers back to a name of that kind: "the bank" to a name with "Bank" in
// it, "the company" to a name a company's legal form ends ("Acme Power Co", "<Brimco Mills
// Ltd>"), "the ministry" to a "Ministry of …". A name of another kind is no referent: "the company
// said" after "the Harbour Commission" or "its Glowline X3" is not either of them.

/** Capitalised words (and the joining "of"/"for"/"and"/"&" inside a name), one run per name. */
// Only at a word's start, so that a long capitalised word is not a start to backtrack from.
const NAME_RUN = /(?<![\p{L}\p{N}'’&.-])<?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:(?:of|for|and|de|&)\s+(?:the\s+)?)?<?[\p{Lu}&][\p{L}\p{N}'’&.-]*>?){0,7}>?/gu;
const OPENERS = /^(?:A|An|The|But|And|However|Meanwhile|In|On|At|For|Its|Their|His|Her|Under|After|Before|While|When|If|As|By|With|From|Last|This|That)$/u;
const JOINERS = /^(?:of|for|and|de|&|the)$/u;
const LEGAL_FORM = /^(?:Co|Cos|Corp|Corporation|Company|Companies|Inc|Incorporated|Ltd|Limited|Plc|PLC|AG|SA|S\.A|NV|N\.V|BV|SpA|AB|ASA|GmbH|KK|LP|L\.P|Partnership|Group|Holdings|Industries|Bancorp|Bancshares|Bankshares|Partners|Enterprises|Airlines|Airways)\.?$/u;
const BANKS = /^(?:Bank|Banks|Bancorp|Bancshares|Bankshares|Banque|Banco|Banca|Bundesbank|Reserve|Bankers|Savings)$/u;
const COMPASS = /^(?:North|South|East|West|Left)$/u;
const RATING_AGENCY = /^(?:Moody['’]s|Standard|Poor['’]s|Fitch|Phelps|IBCA|S&P)$/u;

// (No "producer", "maker" or "miner": as often a person, "the producer" of a film, as a firm.)
/** The organisation words a kind of description accepts in the name it refers to; the first kind's names END in a legal form. */
// Kinds whose word may stand anywhere in the name: "Second Town Bancorp of Ohio", "Statistics Lundia".
const ANYWHERE = new Set([1, 2, 3, 5]);
/** The index of the union kind in KINDS. */
const UNION = 8;
const KINDS: ReadonlyArray<[nouns: readonly string[], fits: (w: string) => boolean]> = [
  [['company', 'firm', 'concern', 'corporation', 'automaker', 'carmaker', 'manufacturer', 'retailer', 'insurer', 'conglomerate', 'subsidiary', 'partnership', 'brewer', 'refiner'], (w) => LEGAL_FORM.test(w)],
  [['utility'], (w) => LEGAL_FORM.test(w) || /^(?:Power|Electric|Edison|Utilities|Energy|Gas|Light)$/u.test(w)],
  [['carrier', 'airline'], (w) => LEGAL_FORM.test(w) || /^(?:Air|Airlines|Airways|Lines)$/u.test(w)],
  [['bank', 'lender'], (w) => BANKS.test(w)],
  [['ministry', 'department'], (w) => /^(?:Ministry|Department|Treasury)$/u.test(w)],
  [['agency'], (w) => /^(?:Agency|Administration|Bureau|Service|Statistics|Office|Authority)$/u.test(w)],
  [['commission'], (w) => w === 'Commission'],
  [['association', 'federation', 'institute', 'council', 'organisation', 'organization', 'society', 'chamber'], (w) => /^(?:Association|Federation|Institute|Council|Organisation|Organization|Society|Chamber|Confederation|League)$/u.test(w)],
  [['union'], (w) => /^(?:Union|Workers|Brotherhood|Teamsters)$/u.test(w)],
  [['board'], (w) => w === 'Board'],
  [['exchange'], (w) => w === 'Exchange'],
  [['fund'], (w) => w === 'Fund'],
  [['authority'], (w) => w === 'Authority'],
  [['group'], (w) => /^(?:Group|Association|Federation|Council)$/u.test(w)],
];

/** The lower-case nouns of `KINDS`, the heads of organisation descriptions, each with its kind's index. */
const KIND_OF = new Map(KINDS.flatMap(([nouns], kind) => nouns.map((noun) => [noun, kind] as const)));

/** A lower-case noun that heads an organisation's description ("bank", "utility", "exchange"). */
export function isOrgNoun(w: string): boolean {
  return w.length <= 14 && KIND_OF.has(w);
}

// Made once here: tsx (the tests' and benches' loader) turns a \p{…} literal into a `new RegExp(…)` built at every call.
const ORG_DESCRIPTION = /^(?:the|its)\s+(?:\d[\d.,]*(?:\s+(?:mln|million|bln|billion))?[\s-])?(?:([\p{Ll}-]+|\p{Lu}[\p{L}.]*(?:[\s-]\p{Lu}[\p{L}.]*)?-(?:based|owned|controlled|listed|registered|run))\s+)?([\p{Ll}]+)$/u;
const THE_LOWER = /^[Tt]he\s+\p{Ll}/u;
const BARE_DESCRIPTION = /^(?:the|its)\s+(?:\p{Lu}[\p{L}.]*(?:[\s-]\p{Lu}[\p{L}.]*)?-based\s+)?\p{Ll}+$/u;

/** "the company", "the central bank", "the ratings agency", "the trade group": the head noun and whether a rating agency is meant; null for any other phrase. */
export function orgDescription(text: string): { head: string; rating: boolean } | null {
  // ("the Toronto-based company": a place joined to "-based" describes where it is, not which it is.)
  // ("the 200,000 member union", "the 1.2 mln-member union": a size before the modifier.)
  const m = ORG_DESCRIPTION.exec(text);
  const head = m?.[2] ?? '';
  if (!m || !isOrgNoun(head)) return null;
  return { head, rating: head === 'agency' && /^ratings?$/u.test(m[1] ?? '') };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const AFTER_NAME_COMMA = /\p{Lu}[\p{L}.&'’-]*,\s$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const ABBREVIATION = /^(?:Jr|Sr|St|Mt|Ft|Bros)\.$/u;

const POSSESSIVE_S = /['’]s$/u;
/** Whether `w` is the word of some kind of organisation ("Ltd", "Bank", "Ministry"). */
const isKindWord = (w: string): boolean => KINDS.some(([, fits]) => fits(w));

/**
 * The names in a capitalised run: without angle brackets, a ticker after a name, opening
 * connectives and articles, or trailing joiners. A word with a final stop that is no initial or
 * abbreviation ends a name ("Hale Brothers Ltd. Statistics Office" is two names across a
 * sentence break), and so does a legal form before "and" ("Ash and Co and Kemp Oil Inc" is two).
 */
function namesIn(run: string): string[][] {
  // "Acme Power Co <ACME>": the ticker after a name is no part of it.
  const all = run.replace(/\s<.*$/u, '').replace(/[<>]/gu, '').split(/\s+/u);
  const out: string[][] = [];
  let ws: string[] = [];
  const close = (): void => {
    while (ws.length > 0 && (OPENERS.test(ws[0] ?? '') || JOINERS.test(ws[0] ?? ''))) ws.shift();
    while (ws.length > 0 && JOINERS.test(ws[ws.length - 1] ?? '')) ws.pop();
    if (ws.length > 0) out.push(ws);
    ws = [];
  };
  for (let i = 0; i < all.length; i++) {
    const w = all[i] ?? '';
    if (w.length === 0) continue;
    if (w.endsWith('.') && !INITIALS.test(w) && !ABBREVIATION.test(w)) {
      ws.push(w.slice(0, -1));
      close();
    } else if (POSSESSIVE_S.test(w) && isKindWord(w.replace(POSSESSIVE_S, ''))) {
      // "Canadian Pacific Ltd's aim": the possessive closes the name, and its kind's word is the name's
      // last ("Ltd", not "Ltd's", so "the company" finds it). (Not "Moody's Investors Service": no kind's word.)
      ws.push(w.replace(POSSESSIVE_S, ''));
      close();
    } else if (LEGAL_FORM.test(w) && all[i + 1] === 'and') {
      ws.push(w);
      close();
    } else ws.push(w);
  }
  close();
  return out;
}

/** How far back (characters) a description looks for the name it refers to: a news story's length. */
export const ORG_REFERENCE_REACH = 6000;
/** At most this many different fitting names are weighed (each is counted over the text once). */
const MAX_NAMES = 20;
const FIRST_BONUS = 2;

/** A compass word and the kind's word name a region ("West Bank", "East Union"), no organisation. */
const isRegion = (ws: readonly string[], fits: (w: string) => boolean): boolean => ws.every((w) => COMPASS.test(w) || fits(w));

/** Where the legal form closing a company's name stands: last, or before "of" and a place; -1 when none does. */
function companyFormAt(ws: readonly string[], fits: (w: string) => boolean): number {
  const last = ws.length - 1;
  if (fits(ws[last] ?? '')) return last;
  const of = ws.lastIndexOf('of');
  return of >= 2 && of < last && fits(ws[of - 1] ?? '') && isPlaceName(ws.slice(of + 1)) ? of - 1 : -1;
}

/** Whether `ws` names an organisation of the kind: its kind word heads the name (last, or before "of"/"for"), or stands anywhere for kinds named inside a longer name ("Second Town Bancorp of Ohio"). */
function fitsKind(ws: readonly string[], kind: number, rating: boolean): boolean {
  if (rating) return ws.some((w) => RATING_AGENCY.test(w));
  const fits = KINDS[kind]?.[1];
  if (!fits) return false;
  const last = ws.length - 1;
  // A legal form ends a company's name, and no name is its legal form alone ("Co Inc").
  // A company of a place keeps the place after its legal form ("Hospital Corp of America", "Public
  // Service Co of New Mexico"): the legal form still closes the company's own words.
  if (kind === 0) return !fits(ws[0] ?? '') && companyFormAt(ws, fits) >= 1;
  // "Bank" or "Ministry" alone is no name.
  if (last === 0) return false;
  // A place is no organisation of any kind ("Soviet Union"); a union's name is no place or
  // nationality and "Union" ("European Union" for "the union"). (Other kinds keep theirs: "US Airways".)
  if (isPlaceName(ws)) return false;
  if (isRegion(ws, fits)) return false;
  const at = ws.findIndex(fits);
  if (kind === UNION && at > 0 && ws.slice(0, at).every((w) => isDemonym(w) || isPlaceName([w]))) return false;
  if (ANYWHERE.has(kind)) return ws.some(fits);
  return ws.some((w, i) => fits(w) && (i === last || /^(?:of|for)$/u.test(ws[i + 1] ?? '')));
}

/**
 * How often the text names it, whole words only: its words before any legal form, the first two of
 * them; a name that opens with its kind's word ("Bank of England", "Department of Commerce") by all
 * of them, so that two such names do not share the key "Bank".
 */
function timesNamed(text: string, ws: readonly string[], fits: (w: string) => boolean): number {
  const core: string[] = [];
  const whole = fits(ws[0] ?? '');
  for (const w of ws) {
    if (LEGAL_FORM.test(w) || (!whole && (JOINERS.test(w) || core.length === 2))) break;
    core.push(w);
  }
  const key = (core.length > 0 ? core : ws.slice(0, 1)).join(' ');
  let n = 0;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) {
    if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[at + key.length] ?? ' ')) n++;
  }
  return n;
}

const LETTER_DIGIT_OR_HYPHEN = /[\p{L}\p{N}-]/u;
/** How often `text` names `short` as whole words not followed by `next` (the next word of its full name): "Brimcos" or "Brimco-led" is no "Brimco". */
function standalone(text: string, short: string, next: string): number {
  let n = 0;
  for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + short.length)) {
    const end = at + short.length;
    if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !LETTER_DIGIT_OR_HYPHEN.test(text[end] ?? ' ') && !text.startsWith(` ${next}`, end)) n++;
  }
  return n;
}

// The windows of the quotes of one article overlap, so the same runs are read again and again (a
// long paragraph of "the company said" quotes reads each run once per quote): their fitting names
// are kept by run and kind, a bounded memo cleared when full.
const MEMO_SIZE = 4096;
const fittingMemo = new Map<string, ReadonlyArray<readonly [string, readonly string[]]>>();

/** The names in a capitalised run that fit the kind, each with its words. */
function fittingNames(run: string, kind: number, rating: boolean): ReadonlyArray<readonly [string, readonly string[]]> {
  const key = `${kind}${rating ? 'r' : ''} ${run}`;
  let out = fittingMemo.get(key);
  if (out === undefined) {
    out = namesIn(run)
      .filter((ws) => fitsKind(ws, kind, rating))
      .map((ws) => [ws.join(' '), ws] as const);
    if (fittingMemo.size >= MEMO_SIZE) fittingMemo.clear();
    fittingMemo.set(key, out);
  }
  return out;
}

/**
 * The organisation in `before` (the text before the description, at most ORG_REFERENCE_REACH of
 * it read) whose name fits the description's kind ("the bank" → "Northern Reserve Bank"):
 * the one the text names most, the nearest of those, or null. `subject`, when given, is the
 * organisation named last as a clause's subject ("Brimco"): it is the referent when a fitting
 * name begins with it ("Brimco Industries Inc"), or when none fits and the text names it more than once
 * (a company without a legal form in its name, "Vantor"), so that the article's speaker keeps
 * the one name it goes by.
 */
export function orgReferent(before: string, description: { head: string; rating: boolean }, subject?: string): string | null {
  const kind = KIND_OF.get(description.head);
  if (kind === undefined) return null;
  const fits = KINDS[kind]?.[1] ?? ((): boolean => false);
  // ("West Bank officials said": a region as a subject is no referent either.)
  if (subject && isRegion(subject.split(' '), fits)) subject = undefined;
  const text = before.length > ORG_REFERENCE_REACH ? before.slice(before.length - ORG_REFERENCE_REACH) : before;
  const names = new Map<string, readonly string[]>();
  let firstName: string | null = null;
  // Each count of the subject on its own is made once per call, not once per mention of its full name.
  const alone = new Map<string, number>();
  const subjectAlone = (next: string): number => {
    let n = alone.get(next);
    if (n === undefined) alone.set(next, (n = subject ? standalone(text, subject, next) : 0));
    return n;
  };
  const subjectFits = subject?.split(' ').some(fits) ?? false;
  for (const m of text.matchAll(NAME_RUN)) {
    // "Hale, Pike and Co": the rest of a name written with a comma is no name of its own.
    if (m[0].includes(' and ') && AFTER_NAME_COMMA.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    for (const [name, ws] of fittingNames(m[0], kind, description.rating)) {
      // (Not a subject that is the kind's word itself: "Bank" cut from "Bank of Lundia".)
      // And only a short name the text uses on its own twice ("Northern companies" once is an adjective).
      if (subject && !subjectFits && (name === subject || (name.startsWith(`${subject} `) && subjectAlone(ws[subject.split(' ').length] ?? '') >= 2))) return subject;
      firstName ??= name;
      // Re-inserted, so that the map's order is the order of last mention.
      names.delete(name);
      names.set(name, ws);
      if (names.size > MAX_NAMES) names.delete(names.keys().next().value ?? '');
    }
  }
  let best: string | null = null;
  let bestTimes = 0;
  // Nearest last, so that a tie goes to the nearest; the first named (a news story's lead names
  // whom it is about) counts as named twice more. "First" is the first in the window read: in a
  // story longer than ORG_REFERENCE_REACH that is no longer the lead.
  for (const [name, ws] of names) {
    const times = timesNamed(text, ws, fits) + (name === firstName ? FIRST_BONUS : 0);
    if (times >= bestTimes) {
      best = name;
      bestTimes = times;
    }
  }
  if (best === null && subject && timesNamed(text, subject.split(' '), fits) >= 2) return subject;
  return best;
}

/**
 * Whether `name` fits a kind of organisation other than the description's ("the company" and
 * "Harbour Commission"): such a name is no referent of it even as the last subject named.
 */
export function fitsAnotherKind(name: string, description: { head: string; rating: boolean }): boolean {
  const kind = KIND_OF.get(description.head);
  const ws = name.split(/\s+/u);
  return KINDS.some((_, k) => k !== kind && fitsKind(ws, k, false));
}

// "the Harlow Institute said in its latest monthly report", "Brimco said in a statement", "In a
// statement put out after markets closed, the central bank said": who issued a document of a kind.
const DOC_WORDS = String.raw`(?:[\p{L}\d-]+\s+){0,4}?`;
const DOC_NOUN = String.raw`(reports?|statements?|study|studies|surveys?|newsletters?|communiques?|declarations?|bulletins?|releases?|letters?|memos?|reviews?|notes?|filings?)`;
// (Its words never run across a paragraph break: a headline is no part of the issuer's name.)
const ISSUER = String.raw`((?:[Tt]he\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}]+)|(?:\p{Lu}[\p{L}&.'’-]*(?:[^\S\n]+(?:(?:of|for|and)[^\S\n]+(?:the[^\S\n]+)?)?\p{Lu}[\p{L}&.'’-]*){0,6}))`;
const SAID_IN = new RegExp(String.raw`(?<![\p{L}])${ISSUER}\s+(?:also\s+)?(?:said|says|stated|added)\s+in\s+(?:a|an|its|the|their)\s+${DOC_WORDS}${DOC_NOUN}\b`, 'gu');
const IN_DOC = new RegExp(String.raw`\b[Ii]n\s+(?:a|an|its|their)\s+${DOC_WORDS}${DOC_NOUN}(?:,[^,.;]{0,60})?,\s+${ISSUER}\s+(?:said|says|stated)\b`, 'gu');
const AFTER_PREPOSITION = /(?:^|\s)(?:in|at|from|of|for|to|by)\s$/u;
const singular = (noun: string): string => noun.replace(/ies$/u, 'y').replace(/s$/u, '');

/**
 * The issuer of the last document of the same kind (`noun`: "report", "statement") that `before`
 * (at most ORG_REFERENCE_REACH of it read) says someone issued, as written: a name ("the Harlow
 * Institute", "Brimco"), an organisation's description resolved to the name of its kind ("the central
 * bank" → "Bank of Lundia"), else null (a description no name fits, or no issuer named).
 */
export function documentIssuer(before: string, noun: string): string | null {
  const text = before.length > ORG_REFERENCE_REACH ? before.slice(before.length - ORG_REFERENCE_REACH) : before;
  let best: { at: number; issuer: string } | null = null;
  const consider = (at: number, issuer: string, doc: string): void => {
    if (singular(doc) === singular(noun) && (!best || at > best.at)) best = { at, issuer };
  };
  // ("an officer in Dunford said in a report": a name after a preposition is no issuer.)
  // (Unless a sentence stop inside the run ends that phrase: "owned by Vantor. Vantor President …".)
  for (const m of text.matchAll(SAID_IN)) {
    if (!AFTER_PREPOSITION.test(text.slice(Math.max(0, m.index - 6), m.index)) || namesIn(m[1] ?? '').length > 1) consider(m.index, m[1] ?? '', m[2] ?? '');
  }
  for (const m of text.matchAll(IN_DOC)) consider(m.index, m[2] ?? '', m[1] ?? '');
  const found = best as { at: number; issuer: string } | null;
  if (!found) return null;
  const description = orgDescription(found.issuer.replace(/^The\s/u, 'the '));
  if (description) return orgReferent(text.slice(0, found.at), description);
  if (THE_LOWER.test(found.issuer)) return null;
  // The issuer's name ends at a sentence stop ("… Vantor. Vantor President Raymond Kell said").
  let ws = namesIn(found.issuer).pop() ?? [];
  // "It said in a statement", "Earlier Brimco said …", "On Monday Brimco said …": a pronoun, an
  // opening adverb or a day or month is no part of the issuer's name; nothing left, no issuer.
  while (ws.length > 0 && (isNonNameStarter(ws[0] ?? '') || isCapitalisedDayOrMonth(ws[0] ?? ''))) ws = ws.slice(1);
  // "Lundia and Kemp Savings Bank Plc said": a place joined to the issuer's name is no part of it; a place alone ("… officer in Dunford said") is no issuer.
  const and = ws.indexOf('and');
  if (and > 0 && isPlaceName(ws.slice(0, and))) ws = ws.slice(and + 1);
  if (isPlaceName(ws)) return null;
  // "The Bank said in a statement": a kind's word alone is the description of the kind.
  if (ws.length === 1 && isOrgNoun((ws[0] ?? '').toLowerCase())) return orgReferent(text.slice(0, found.at), { head: (ws[0] ?? '').toLowerCase(), rating: false });
  return ws.length > 0 ? ws.join(' ') : null;
}

/**
 * `text` with the ranges (`[open, close]`, both offsets inside, in text order) blanked out with
 * semicolons (no word character and no space: a name before a blank still ends at a word boundary,
 * and no capitalised run joins across one), its length kept: the narration alone. Names that occur only inside quoted speech are what the
 * speakers talk about ("“Brimco Bank will not buy us,” the company said"), not who speaks, so a
 * description is resolved against the narration.
 */
export function narrationOnly(text: string, ranges: readonly (readonly [number, number])[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [open, close] of ranges) {
    const from = Math.max(at, open);
    const to = Math.min(text.length, close + 1);
    if (to <= from) continue;
    parts.push(text.slice(at, from), ';'.repeat(to - from));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Whether `name` ("West Bank") is a region named by a compass word and the description's kind word, no organisation of the kind. */
export function isRegionOfKind(name: string, head: string): boolean {
  const kind = KIND_OF.get(head);
  const fits = kind === undefined ? undefined : KINDS[kind]?.[1];
  return !!fits && isRegion(name.split(/\s+/u), fits);
}

// "The company said the deal …" — an organisation's description as the subject of a speech verb.
const DESCRIPTION_SAID = /(?<![\p{L}])(?:[Tt]he|[Ii]ts)\s+(?:([\p{Ll}-]+)\s+)?(?!(?:also|later|further)\s)([\p{Ll}]+)\s+(?:also\s+|later\s+|further\s+)?(?:said|says|added|adds|stated|reported|announced|told)\b/gu;

/**
 * The last organisation description `text` makes the subject of a speech verb ("The company also
 * said …", "the central bank said"), where it starts, or null: what a later "it said" continues
 * when no organisation is named after it.
 */
export function lastDescriptionSubject(text: string): { at: number; description: { head: string; rating: boolean } } | null {
  let found: { at: number; description: { head: string; rating: boolean } } | null = null;
  for (const m of text.matchAll(DESCRIPTION_SAID)) {
    const description = orgDescription(m[1] ? `the ${m[1]} ${m[2] ?? ''}` : `the ${m[2] ?? ''}`);
    if (description) found = { at: m.index, description };
  }
  return found;
}

// "the official Tellus News Agency", "the Washington-based Harbour Council": lower-case or
// place-based modifiers glued before an organisation's own name.
const MODIFIED_NAME = /^(?:the|its)\s+(?:(?:[\p{Ll}-]+|\p{Lu}[\p{L}.]*-(?:based|owned|controlled|listed|registered|run))\s+){1,2}(\p{Lu}[\p{L}&.'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}&.'’-]*){0,5})$/u;

/**
 * The organisation's name a description ends in, its article and modifiers off: "the official
 * Tellus News Agency" → "Tellus News Agency" (shown as the name the article uses, not as
 * "the official …"); null unless the capitalised words name an organisation of a kind of KINDS.
 */
export function nameInDescription(text: string): string | null {
  const issuer = namedDocumentIssuer(text);
  if (issuer) return issuer;
  const m = MODIFIED_NAME.exec(text);
  const name = m?.[1];
  if (!name) return null;
  const ws = name.split(/\s+/u);
  // "the former Bank of Lundia Governor": a run ending in a title or role is a person's description.
  const lastWord = (ws[ws.length - 1] ?? '').toLowerCase();
  if (isTitleWord(lastWord) && !isOrgNoun(lastWord)) return null;
  return KINDS.some((_, k) => fitsKind(ws, k, false)) ? name : null;
}

// "the NDB report", "a Capital Metrics statement", "an Ifa survey": a document whose issuer's name modifies it.
const NAMED_DOCUMENT = /^(?:the|a|an|its)\s+(?:(?:new|latest|recent|annual|monthly|quarterly|weekly|official|draft|final|joint|written|preliminary|brief)\s+)?(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})\s+(?:report|statement|study|survey|letter|editorial|newsletter|release|memo|bulletin|communique|document|filing|review|forecast|analysis|paper)$/u;

/**
 * The issuer a document's description names: "the NDB report" → "NDB", "a Capital Metrics
 * statement" → "Capital Metrics". The written words speak for the issuer (the readers' scheme);
 * null when the words before the noun are no issuer: a nationality or place ("the Greek
 * statement"), a lone day or month ("the March letter"; "the Sunday Times report" is the
 * paper's), titles only ("the Chancellor statement" is a person's; "the Labour Party statement",
 * ending in an organisation's word, is the party's).
 */
export function namedDocumentIssuer(text: string): string | null {
  const m = NAMED_DOCUMENT.exec(text);
  const name = m?.[1]?.replace(/['’]s?$/u, '');
  if (!name) return null;
  const ws = name.split(/\s+/u);
  const first = ws[0] ?? '';
  const last = ws[ws.length - 1] ?? '';
  const titlesOnly = !isOrgWord(last) && ws.every((w) => isTitleWord(w) && !isOrgNoun(w.toLowerCase()));
  if (isNonNameStarter(first) || (ws.length === 1 && isCapitalisedDayOrMonth(first)) || isDemonym(first) || isPlaceName(ws) || titlesOnly) return null;
  return name;
}

/** A description that says no more than its kind: "the company", or one placed by "-based" ("the Ostmark-based company"). */
export function isBareDescription(text: string): boolean {
  return BARE_DESCRIPTION.test(text);
}

// An organisation's short form shown as a speaker ("the Chamber said", "Dunmore said", "S and L said")
// is shown as the fullest name the article gives it ("Chamber of Shipping", "Dunmore Mills Ltd",
// "Savings and Loan"): one speaker under one name, as a reader names it.

/** At most this many distinct organisation names of an article are weighed (each read once). */
const MAX_ORG_NAMES = 200;
const fold = (w: string): string => w.toLowerCase().replace(/['’]s?$/u, '').replace(/[^\p{L}\p{N}&]/gu, '');
const isOrgNameWord = (w: string): boolean => isOrgWord(w.toLowerCase()) || LEGAL_FORM.test(w) || RATING_AGENCY.test(w) || KINDS.some(([, fits]) => fits(w));

/** An organisation's name as the text writes it, its words folded once. */
export interface OrgName {
  words: readonly string[];
  folded: readonly string[];
  /** The folded words joined, with a space at each end: what a name inside it is looked for in. */
  key: string;
}

/**
 * A run that holds the name of a person the article names ("Port Secretary Ann Tolver", "Drummer
 * Ivo Brand"; `isPerson` of the folded words, or a first name before the last word): no
 * organisation's name, unless a legal form ends it ("Ivo Brand Ltd"). Sub-runs of two to four words are read.
 */
function holdsPerson(ws: readonly string[], f: readonly string[], isPerson: (folded: string) => boolean): boolean {
  if (LEGAL_FORM.test(ws[ws.length - 1] ?? '')) return false;
  // A first name before the last word: a person's name closes the run (one the name scan may have missed).
  if (f.length >= 2 && isFirstName(f[f.length - 2] ?? '')) return true;
  for (let i = 0; i < f.length; i++) for (let n = 2; n <= 4 && i + n <= f.length; n++) if (isPerson(f.slice(i, i + n).join(' '))) return true;
  return false;
}

/** The names of organisations the paragraphs write: capitalised runs of two words or more with an organisation's word, no place alone, no person's name (`isPerson`: folded words joined by a space), distinct. */
export function organisationNames(paragraphs: readonly string[], isPerson: (folded: string) => boolean = () => false): OrgName[] {
  const out: OrgName[] = [];
  const seen = new Set<string>();
  // Paragraph by paragraph: a name never runs on into the next paragraph's first words.
  for (const p of paragraphs) {
    for (const m of p.matchAll(NAME_RUN)) {
      // A run with no blank in it ("Reuters", "The") splits into one word at most, and a name here
      // has two or more: most runs are such, so they are passed over before they are split.
      if (!HAS_BLANK.test(m[0])) continue;
      if (orgNamesOfRun(m[0], seen, out, isPerson)) return out;
    }
  }
  return out;
}

const HAS_BLANK = /\s/u;

/** Adds the names of one capitalised run to `out` (distinct by `seen`); true once `out` is full. */
function orgNamesOfRun(text: string, seen: Set<string>, out: OrgName[], isPerson: (folded: string) => boolean): boolean {
  // "the Chamber of Shipping and the Chamber of Commerce": two names, split where "and the" opens the second.
  for (const run of namesIn(text).flatMap(splitAtAndThe)) {
    // A day or month ends a name ("Harbour Board Saturday") or comes before one ("Wednesday and
    // Harbour Board"), and a place joined by "-based" is where it is, not its name.
    let from = 0;
    while (from < run.length && (isCapitalisedDayOrMonth(run[from] ?? '') || JOINERS.test(run[from] ?? '') || BASED.test(run[from] ?? ''))) from++;
    const day = run.findIndex((w, k) => k > from && isCapitalisedDayOrMonth(w));
    const ws = run.slice(from, day > from ? day : run.length);
    const key = ws.join(' ');
    if (ws.length < 2 || seen.has(key) || !ws.some(isOrgNameWord) || isPlaceName(ws)) continue;
    seen.add(key);
    const folded = ws.map(fold);
    if (holdsPerson(ws, folded, isPerson)) continue;
    out.push({ words: ws, folded, key: ` ${folded.join(' ')} ` });
    if (out.length >= MAX_ORG_NAMES) return true;
  }
  return false;
}

const BASED = /^\p{Lu}[\p{L}.]*-(?:based|owned|controlled|listed|registered|run)$/u;
const POSSESSIVE = /['’]s?$/u;

/** A run's names, split where "and the" opens a second one. */
function splitAtAndThe(ws: string[]): string[][] {
  const at = ws.findIndex((w, k) => w === 'and' && ws[k + 1] === 'the');
  return at <= 0 ? [ws] : [ws.slice(0, at), ...splitAtAndThe(ws.slice(at + 2))];
}

/** Whether `short` (words, and folded) stands for the name `full`: a run of its words ("Chamber" of "Chamber of Shipping") or its initials with the joiner ("S and L" of "Savings and Loan"). */
function standsFor(short: readonly string[], s: readonly string[], full: OrgName): boolean {
  const { words, folded: f } = full;
  if (short.length === words.length && short.length > 1 && short.some((w) => !JOINERS.test(w))) {
    return short.every((w, k) => (JOINERS.test(w) ? w === words[k] : /^\p{Lu}\.?$/u.test(w) && (words[k] ?? '').length > 2 && (words[k] ?? '').startsWith(w[0] ?? '')));
  }
  if (short.length >= words.length) return false;
  for (let i = 0; i + s.length <= f.length; i++) {
    if (!s.every((w, k) => w === f[i + k])) continue;
    // One of two names joined by "and" ("Harbour Board and Port Trust", "Harbour" of it too) is
    // named on its own: showing the short form is the safe error when the joined run is one name.
    // An "and" inside the name's own "of" complement joins no second name ("Chamber of Trade and
    // Industry"). "Dunmore's Mills Group" is an organisation of Dunmore's, not Dunmore.
    const end = i + s.length;
    const complement = words.slice(end).findIndex((w) => w === 'of' || w === 'for');
    const joined = (w: string, k: number): boolean => (w === 'and' || w === '&') && (k < i || (k >= end && (complement < 0 || k < end + complement)));
    if (words.some(joined) || POSSESSIVE.test(words[end - 1] ?? '')) return false;
    // The object of a preposition is another name's ("Officials of the Harbour Board", "Shares of
    // Corvo Pumps Inc"): the run is not the short form's name.
    const before = words[i - 1] === 'the' ? words[i - 2] : words[i - 1];
    if (before === 'of' || before === 'for') return false;
    // "Tolver of the Harbour Institute" is someone of the organisation, "Chamber of Shipping" the organisation.
    const next = words[i + s.length];
    return !(next === 'of' || next === 'for') || isOrgNameWord(short[short.length - 1] ?? '');
  }
  return false;
}

/**
 * The fullest name the article gives the organisation a short speaker form stands for (`names`:
 * organisationNames of the article), or null: none, or two that are not one inside the other
 * ("Chamber" beside a "Chamber of Shipping" and a "Chamber of Commerce" stays "Chamber").
 */
export function fullestOrgName(short: string, names: readonly OrgName[]): string | null {
  const ws = short.trim().split(/\s+/u);
  if (ws.length === 0 || !/^\p{Lu}/u.test(ws[0] ?? '')) return null;
  const s = ws.map(fold);
  const fitting = names.filter((n) => standsFor(ws, s, n));
  let best: OrgName | null = null;
  for (const n of fitting) if (!best || n.words.length > best.words.length) best = n;
  if (!best) return null;
  const whole = best.key;
  return fitting.every((n) => whole.includes(n.key)) ? best.words.join(' ') : null;
}
