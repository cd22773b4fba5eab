import { memoByWord } from '../text/memo.js';
import { isStopWord } from '../text/tokenize.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const CAPITALS_AND_DIGITS = /^[\p{Lu}\p{N}&]+$/u;
const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_NUMBER = /\p{N}/u;
const HAS_UPPER = /\p{Lu}/u;
const INITIALS = /^(?:\p{L}\.)+$/u;
const LEADING_MARKS = /^[^\p{L}\p{N}]*/u;
const X_OF_Y_TITLE = /^\p{L}+-(?:at|in|of)-\p{L}+$/u;

// Names, titles and roles in the phrases that introduce a quote ("spokeswoman Freddi Goldstein",
// "Acting ICE Director Matthew Albence", "Henry Lucero, a senior US official").

/**
 * Case-, diacritic- and punctuation-free form of a name: the key that merges variants. Most names
 * are plain ASCII letters and digits, which normalising and the replacements leave as they are:
 * lower-casing them costs less than a cache lookup (and a cold build sees most words once). Other
 * names repeat, and folding them (Unicode normalisation and three replacements) is worth caching.
 */
export const foldName = (s: string): string => (isAsciiAlnum(s) ? s.toLowerCase() : foldCached(s));

const foldCached: (s: string) => string = memoByWord(foldUncached);

/**
 * The full normalising pipeline that `foldName` shortcuts for plain ASCII names (its tests compare the two).
 * ASCII text (all of Reuters, most names of modern news) takes a character loop: normalising and removing
 * marks change nothing there, so the fold is its letters and digits, lower-cased, apostrophes and
 * backquotes dropped, every other stretch one space. A cold build folds ~5,000 such strings once each,
 * in the unoptimised tiers, where three expressions and their copies cost several times the loop.
 */
export function foldUncached(s: string): string {
  return isAscii(s) ? foldAscii(s) : foldByNormalising(s);
}

// Made once here: tsx (the tests' and benches' loader) turns a \p{…} literal into a `new RegExp(…)` built at every call.
// Shared /g expressions: only for replace, match and matchAll (which reset or copy lastIndex), never test or exec.
const MARKS = /\p{M}+/gu;
const NON_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;
const LETTER_AFTER_JOINER = /([-'’])(\p{L})/gu;
/** `foldUncached` of any text: NFKD, marks removed, lower case, apostrophes dropped, other stretches one space. */
export function foldByNormalising(s: string): string {
  return s
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(NON_LETTERS_OR_DIGITS, ' ')
    .trim();
}

const APOSTROPHE = 39;
const BACKQUOTE = 96;

/** `foldByNormalising` of ASCII text (its tests compare the two): stretches of letters and digits copied as slices. */
function foldAscii(s: string): string {
  const l = s.toLowerCase();
  let out = '';
  let from = -1; // start of the stretch of letters and digits being read
  let space = false; // a stretch of other characters (not only apostrophes) since the last copied one
  for (let i = 0; i <= l.length; i++) {
    const c = i < l.length ? l.charCodeAt(i) : APOSTROPHE;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (from < 0) from = i;
      continue;
    }
    if (from >= 0) {
      out = space && out.length > 0 ? `${out} ${l.slice(from, i)}` : out + l.slice(from, i);
      from = -1;
      space = false;
    }
    if (c !== APOSTROPHE && c !== BACKQUOTE) space = true;
  }
  return out;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

function isAsciiAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/**
 * No words, as an array of the element kind every word list here has: an empty literal (`[]`) has
 * another hidden class, and lists of both kinds reaching one function make V8 re-optimise it.
 */
export const NO_WORDS: readonly string[] = [''].slice(0, 0);

/** Lower-case particles that belong inside a name (Bill de Blasio, Ludwig van Beethoven). */
export const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'van', 'von', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'st', 'y', 'zu', 'ter', 'ten', 'op']);

// Capitalised words that are a title or rank, not part of the name that follows them.
const TITLES = new Set(
  `treasurer exchequer mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister brother pope king queen prince princess sheikh
  president vice mayor deputy acting interim former chief director minister premier prime secretary senator sen rep representative
  gov governor lt lieutenant gen general col colonel maj major capt captain cpl corporal sgt sergeant pte private const constable
  det detective insp inspector supt superintendent cmdr commander adm admiral officer agent sheriff marshal judge justice chancellor
  councillor councilor coun alderman commissioner chairman chairwoman chair chairperson ceo cfo coo cto founder executive manager
  coach organizer organiser spokesman spokeswoman spokesperson attorney lawyer counsel assistant associate senior junior head leader speaker ambassador
  consul envoy trustee dean provost principal superintendant mp mpp mla mna mep congressman congresswoman congressmember assemblyman
  assemblywoman state federal provincial city county regional national international liberal conservative democrat democratic
  republican ndp labour labor green independent progressive lib dem dems ukip whig union reeve warden chief-executive crown prosecutor defence defense
  public health medical officer doctor nurse sen. hon honourable honorable rabbi imam bishop archbishop cardinal pastor elder grand
  undersecretary under-secretary magistrate administrator comptroller ombudsman solicitor registrar coroner
  dr. mr. mrs. ms. gen. gov. rep. lt. col. sgt. capt. insp. det. supt. const. cpl. pte. prof. rev. adm. cmdr. maj. coun. hon. st.`.split(/\s+/),
);

// Capitalised words that make a run an organisation or place, not a person.
const ORG_WORDS = new Set(
  `university college school institute institution association society council committee commission department ministry agency
  office bureau service services board authority police force army navy military government administration court tribunal
  parliament congress senate house assembly party company corp corporation inc ltd llc co group bank fund foundation trust
  union federation league club team hospital clinic centre center network news press times post herald journal tribune media
  radio television tv airlines airways railway church mosque temple museum library city town village county province state
  republic kingdom district region street avenue road boulevard highway park square bridge river lake mountain island valley
  north south east west northern southern eastern western central canada america states international national global world
  hydro energy power motors technologies systems labs laboratories partners capital holdings industries communications
  community securities
  legislature grounds images photo photos file continued below advertisement watch read story
  newsletter declaration communique bulletin report statement
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december`.split(/\s+/),
);

// Heads of written text ("a statement", "the report"): the writing speaks, or its issuer (writing.ts); never a person's role.
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set('statement statements report reports release memo letter study survey website post tweet tweets petition email e-mail note notice filing document documents ad advertisement message video blog column editorial book communique communiques summary'.split(' '));

// Nouns for people, groups and bodies that speak ("officials", "staff", "police").
export const GROUP_NOUNS = new Set(
  `staff officials official police officers residents critics experts analysts researchers protesters students parents voters
  observers members workers employees organizers organisers authorities sources people family friends neighbours neighbors fans
  lawyers prosecutors investigators scientists doctors spokesperson spokespeople government agency company department ministry
  office union group board council court team firm spokesman spokeswoman statement report release communique communiques memo letter study survey
  source friend relative relatives colleague colleagues counsel chief head leader leaders player players coach coaches owner owners
  mother father son daughter wife husband brother sister mom dad parent child children kids teen teenager boyfriend girlfriend
  partner resident victim victims witness witnesses senator minister mayor premier president candidate councillor councilor
  administration commission committee campaign party city town province state county organization organisation association
  ministry website post tweet petition sign signs court judge jury officer agent official director manager executive secretary
  premier spokesperson columnist reporter editor author writer staffers aide aides advisor adviser advisers advisors deputy
  councilman governor lawmaker lawmakers legislator legislators mp mps chair chairman chairwoman founder cofounder co-founder
  proprietor resident veteran veterans nurse nurses teacher teachers principal pastor priest student athlete athletes author novelist historian economist analyst strategist professor researcher scientist
  physician surgeon nurse activist advocate organizer organiser volunteer businessman businesswoman entrepreneur
  engineer architect teacher farmer doctor lawyer pilot driver designer developer consultant contractor builder carpenter
  electrician plumber mechanic technician accountant banker broker trader investor chef artist musician singer actor actress
  producer journalist photographer filmmaker comedian host anchor pastor priest rabbi imam firefighter paramedic soldier sergeant
  detective inspector superintendent constable commissioner councillor trustee planner librarian curator economist
  pharmacist dentist therapist psychologist psychiatrist epidemiologist biologist chemist physicist geologist meteorologist`.split(/\s+/),
);

/** Words that start a sentence with a capital but never begin a name. */
const NON_NAME_STARTERS = new Set(
  `the a an this that these those there here he she it they we i you his her its their our my your but and or so yet for nor
  if when while after before since as at in on of by with from to into over under about during however meanwhile also then
  still although though because instead despite according last next first this earlier later asked told said says
  many some most several all both each every no not one another two three four five six seven eight nine ten today yesterday tomorrow
  what who why how where which once now even just only other others unlike like among between without within per via despite
  dear hey yes oh okay ok thanks please read watch click see listen finally besides ultimately clearly obviously eventually
  currently recently previously additionally unfortunately fortunately initially apparently nonetheless nevertheless asked
  unless although though whether speaking writing prominent veteran longtime fellow local young older younger new former late
  certainly neither either perhaps surely indeed actually maybe instead nor somehow anyway otherwise sometimes often`.split(/\s+/),
);

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const MALE = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'father', 'brother', 'spokesman', 'chairman', 'congressman', 'assemblyman', 'businessman', 'husband', 'son', 'boyfriend', 'grandfather', 'dad', 'uncle', 'man', 'actor']);
const FEMALE = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady', 'queen', 'princess', 'sister', 'spokeswoman', 'chairwoman', 'congresswoman', 'assemblywoman', 'businesswoman', 'wife', 'daughter', 'girlfriend', 'grandmother', 'mom', 'mother', 'aunt', 'woman', 'actress']);

export type Gender = 'm' | 'f' | null;

// Nationalities, and party members named like them ("Tory Dan Greer", but "Mayor Jon Tory").
const DEMONYMS = new Set(
  `american canadian british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss austrian
  swedish norwegian danish finnish polish czech hungarian romanian bulgarian greek turkish russian ukrainian israeli palestinian
  egyptian saudi iranian iraqi syrian lebanese jordanian kuwaiti qatari emirati indian pakistani chinese japanese korean
  vietnamese thai indonesian malaysian filipino philippine singaporean australian zealand mexican brazilian argentine
  argentinian chilean colombian venezuelan peruvian cuban nigerian kenyan ethiopian african european asian soviet
  taiwanese brazilian ecuadorean ecuadorian bolivian uruguayan paraguayan nicaraguan honduran guatemalan panamanian
  arab tory tories`.split(/\s+/),
);

/** Letters and digits of ASCII, and periods after the first: such a word is its own bare form. */
function isPlainWord(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c === 46 && i > 0))) return false;
  }
  return true;
}
const KEEP_AT_END = /[\p{L}\p{N}.]/u;
/**
 * The word without leading marks and trailing punctuation (a final period stays: "Dr."). Linear however long.
 * ASCII characters are read by their codes (letters and digits are ASCII's \p{L} and \p{N}); the
 * expressions read only the other characters.
 */
export function bare(w: string): string {
  if (isPlainWord(w)) return w;
  let start = 0;
  for (; start < w.length; start++) {
    const c = w.charCodeAt(start);
    if (c > 127) {
      start = LEADING_MARKS.exec(w)?.[0].length ?? 0;
      break;
    }
    if (isAsciiLetterOrDigit(c)) break;
  }
  let end = w.length;
  while (end > start) {
    const c = w.charCodeAt(end - 1);
    if (c > 127 ? KEEP_AT_END.test(w[end - 1] ?? '') : c === 46 || isAsciiLetterOrDigit(c)) break;
    end--;
  }
  return w.slice(start, end);
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

const lowerBare = (w: string): string => bare(w).toLowerCase();

// Capitalised words repeat across a corpus: their lexicon lookups are cached.
const TITLE = 1;
const ORG = 2;
const ACRONYM = 4;
const NON_STARTER = 8;
const PARTICLE = 16;
const STOP = 32;
const DEMONYM = 64;
/** A possessive, a number, or an "ex-"/"then-" prefix: the word belongs to the description. */
const MARKED = 128;
const flagCache = new Map<string, number>();
function flags(w: string): number {
  let f = flagCache.get(w);
  if (f === undefined) {
    f = isAsciiAlnum(w) ? plainFlags(w) : wordFlags(w);
    if (flagCache.size > 200_000) flagCache.clear();
    flagCache.set(w, f);
  }
  return f;
}

/** The flags of any word. */
function wordFlags(w: string): number {
  const bw = bare(w);
  const l = bw.toLowerCase();
  const d = l.endsWith('.') ? l.slice(0, -1) : l;
  const b = bw.includes('.') ? bw.replaceAll('.', '') : bw;
  // "Author Cecil Foster", "Sergeant-at-Arms Kevin Vickers": a role written with a capital is a title.
  return (
    (TITLES.has(l) || TITLES.has(d) || GROUP_NOUNS.has(d) || (d.includes('-') && (X_OF_Y_TITLE.test(d) || titleCompound(d))) ? TITLE : 0) |
    (ORG_WORDS.has(d) ? ORG : 0) |
    (NON_NAME_STARTERS.has(l) ? NON_STARTER : 0) |
    (PARTICLES.has(l) ? PARTICLE : 0) |
    (isStopWord(l) ? STOP : 0) |
    (DEMONYMS.has(l) ? DEMONYM : 0) |
    (isAscii(w) ? asciiShapeFlags(w, b) : shapeFlags(w, b))
  );
}

/** The ACRONYM and MARKED bits of word `w` whose bare form without periods is `b`. */
function shapeFlags(w: string, b: string): number {
  return (
    (b.length >= 2 && CAPITALS_AND_DIGITS.test(b) && HAS_UPPER.test(b) ? ACRONYM : 0) |
    (/['’]s$/u.test(w) || HAS_NUMBER.test(w) || /^(?:ex|then|former)-/iu.test(w) ? MARKED : 0)
  );
}

/**
 * `shapeFlags` of ASCII words, by character codes (its tests compare the two): the ~4,000 words
 * with a mark that a cold Reuters build meets once each ("Lynch,", "U.S.", "D-Conn") ran four
 * expressions each in the unoptimised tiers.
 */
function asciiShapeFlags(w: string, b: string): number {
  let upper = false;
  let other = false;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 48 && c <= 57) || c === 38)) other = true;
  }
  let digit = false;
  for (let i = 0; i < w.length && !digit; i++) {
    const c = w.charCodeAt(i);
    digit = c >= 48 && c <= 57;
  }
  // Only a word opening with e, t or f (either case: c | 32 is its lower case) may open with a prefix.
  const c0 = w.charCodeAt(0) | 32;
  const marked = digit || w.endsWith("'s") || ((c0 === 101 || c0 === 116 || c0 === 102) && /^(?:ex|then|former)-/i.test(w));
  return (b.length >= 2 && upper && !other ? ACRONYM : 0) | (marked ? MARKED : 0);
}

/** Prefixes of a hyphenated rank ("Under-Secretary", "Sub-Lieutenant", "Co-Chairman"). */
const RANK_PREFIXES = new Set(['under', 'sub', 'co']);

/** A hyphenated title made of titles: "Vice-Premier", "Deputy-Governor", "Under-secretary" (not "Jean-Pierre"). */
function titleCompound(d: string): boolean {
  const parts = d.split('-');
  return parts.length >= 2 && parts.every((x, i) => TITLES.has(x) || (i < parts.length - 1 && RANK_PREFIXES.has(x)));
}

/**
 * `wordFlags` of a word of ASCII letters and digits only (most capitalised words): it is its own
 * bare form, has no period, hyphen or apostrophe to strip or read, and its acronym and number
 * tests are character tests. A cold build meets most such words once, so this is its usual miss path.
 */
function plainFlags(w: string): number {
  const l = w.toLowerCase();
  let upper = false;
  let lower = false;
  let digit = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c <= 57) digit = true;
    else if (c <= 90) upper = true;
    else lower = true;
  }
  return (
    (TITLES.has(l) || GROUP_NOUNS.has(l) ? TITLE : 0) |
    (ORG_WORDS.has(l) ? ORG : 0) |
    (w.length >= 2 && upper && !lower ? ACRONYM : 0) |
    (NON_NAME_STARTERS.has(l) ? NON_STARTER : 0) |
    (PARTICLES.has(l) ? PARTICLE : 0) |
    (isStopWord(l) ? STOP : 0) |
    (DEMONYMS.has(l) ? DEMONYM : 0) |
    (digit ? MARKED : 0)
  );
}
/** The lexicon flags of a word (bits below), kept by word: read once per word by the name scan. */
export const nameFlags = (w: string): number => flags(w);
/** Flag bits of `nameFlags`. */
export const NAME_FLAG = { TITLE, ORG, ACRONYM, NON_STARTER, PARTICLE, STOP, DEMONYM, MARKED } as const;
/** The flag tests, for tests: the general path and the plain-word path must agree. */
export const flagsOf = { word: wordFlags, plain: plainFlags, isPlain: (w: string): boolean => isAsciiAlnum(w), shape: shapeFlags, asciiShape: asciiShapeFlags };
export const isTitleWord = (w: string): boolean => (flags(w) & TITLE) !== 0;
/** A title or rank proper ("Ambassador", "Chancellor"), not a group noun ("Friends", "Office") that `isTitleWord` also accepts. */
export const isRankTitle = (w: string): boolean => TITLES.has(bare(w).toLowerCase());
export const isDemonym = (w: string): boolean => (flags(w) & DEMONYM) !== 0;
export const isOrgWord = (w: string): boolean => (flags(w) & ORG) !== 0;
// No pronoun is longer than four letters, and lower-casing never shortens a word.
export const isPronoun = (w: string): boolean => w.length <= 4 && PRONOUNS.has(w.toLowerCase());
export const isNonNameStarter = (w: string): boolean => (flags(w) & NON_STARTER) !== 0;

/** An all-capitals word of two or more letters (ICE, UFCW, U.S.): an acronym, unless the whole text shouts. */
export const isAcronym = (w: string): boolean => (flags(w) & ACRONYM) !== 0;

/** A word that can be part of a name: starts with a capital letter (any script with case), or has no case at all (CJK). */
export function isCapWord(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return false;
  const b = bare(w);
  if (!b) return false;
  // An ASCII first character ("(the", "10,", "$5"): a capital is its only upper-case letter, and every
  // ASCII letter has case; the expressions below are for the rest of Unicode.
  const f = b.charCodeAt(0);
  if (f < 128) return f >= 65 && f <= 90;
  const first = b[0] ?? '';
  if (HAS_UPPER.test(first)) return true;
  // Scripts without letter case (Chinese, Arabic, …) cannot be told apart by capitals; accept letters there.
  return HAS_LETTER.test(first) && first.toLowerCase() === first.toUpperCase();
}

export function genderOfWords(words: readonly string[]): Gender {
  for (const w of words) {
    const l = lowerBare(w);
    if (MALE.has(l)) return 'm';
    if (FEMALE.has(l)) return 'f';
  }
  return null;
}

/** "HENRY LUCERO" → "Henry Lucero"; mixed-case names are kept as written. */
export function displayCase(name: string): string {
  // One word in capitals is an acronym (NASA, UBS) and stays as written; "HENRY LUCERO" is a name.
  if (!HAS_UPPER.test(name) || HAS_LOWER.test(name) || !name.includes(' ')) return name;
  return name
    .split(' ')
    .map((w) => (PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0) + w.slice(1).toLowerCase().replace(LETTER_AFTER_JOINER, (_m, p: string, c: string) => p + c.toUpperCase())))
    .join(' ');
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|sir|dame|lord|lady)\.?$/iu;

/**
 * The words of a title part worth showing as a role: from the last sentence break on ("EU. But
 * Mr" is no role), without forms of address or sentence connectives.
 */
export function roleWords(title: readonly string[]): string[] {
  let from = 0;
  title.forEach((w, i) => {
    if (/[.!?]$/u.test(w) && !isTitleWord(w) && !INITIALS.test(w)) from = i + 1;
  });
  // "St." is a name's particle ("Fernand St. Germain" named "St. Germain"), never a role.
  const kept = title.slice(from).filter((w) => !HONORIFIC.test(w) && !isNonNameStarter(w) && !DAY_OR_MONTH.test(w) && !isSaint(w));
  // A role has a title, a nationality, an acronym or an organisation word in it.
  return kept.some((w) => (flags(w) & (TITLE | ACRONYM | DEMONYM | ORG)) !== 0) ? kept : [];
}

const DAY_OR_MONTH = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/iu;
/** A day or month name, in any case ("May", "friday"). */
export const isDayOrMonth = (word: string): boolean => DAY_OR_MONTH.test(word);
/** A day or month written as a name is ("May", not "MAY" or "may"). */
export const isCapitalisedDayOrMonth = (word: string): boolean => DAY_OR_MONTH.test(word) && /^\p{Lu}\p{Ll}+$/u.test(word);

/**
 * "St" or "St." in any case (/^st\.?$/iu, which the tests compare): read by character codes, as it is
 * asked of every word after the first of every name run. Under /iu "s" also matches the long s (ſ).
 */
export function isSaint(w: string): boolean {
  const n = w.length;
  if (n !== 2 && !(n === 3 && w.charCodeAt(2) === 46)) return false;
  const s = w.charCodeAt(0);
  const t = w.charCodeAt(1);
  return (s === 115 || s === 83 || s === 0x17f) && (t === 116 || t === 84);
}
const GENERATION = /^(?:II|III|IV)$/u;

export interface NameParts {
  /** The person's name without titles, e.g. "Matthew Albence"; empty when the run is all title/organisation. */
  name: string[];
  /** Titles and organisation words before the name, e.g. "Acting ICE Director". */
  title: string[];
}

/**
 * Splits a run of capitalised words into a leading title part and the name: everything up to the
 * last title word, acronym, organisation word or possessive is title.
 */
export function splitTitle(run: readonly string[]): NameParts {
  return splitTitleFlagged(run, runFlags(run));
}

/**
 * `nameFlags` of every word of a run, read once: the name scan asks several questions of each word.
 * A loop that pushes, where `run.map` was: on Node 20, `--trace-deopt` showed `titleCut` (inlined
 * into the People constructor) thrown away for a "wrong map" at the flag lists `splitTitle` handed it
 * from readMention, which `%HasHoleyElements` found holey; the name scan's own lists are packed.
 */
export function runFlags(run: readonly string[]): number[] {
  const f: number[] = [];
  for (let i = 0; i < run.length; i++) f.push(flags(run[i] ?? ''));
  return f;
}

/** `splitTitle` given the run's `nameFlags` (`f[i]` for `run[i]`). */
export function splitTitleFlagged(run: readonly string[], f: readonly number[]): NameParts {
  const cut = titleCut(run, f, 0);
  return { title: run.slice(0, cut + 1), name: run.slice(cut + 1) };
}

/** Index of the last title word of the run (see `splitTitle`), or -1; `f[from + i]` are the flags of `run[i]`. */
export function titleCut(run: readonly string[], f: readonly number[], from: number): number {
  let cut = -1;
  let shouting = run.length >= 2;
  // A name in capitals ("HENRY LUCERO") is not an acronym.
  for (let i = 0; i < run.length && shouting; i++) if (((f[from + i] ?? 0) & (ACRONYM | PARTICLE)) === 0) shouting = false;
  for (let i = 0; i < run.length; i++) {
    const fi = f[from + i] ?? 0;
    // A nationality before a longer name is a description: "Belgian Willy de Clercq".
    // "Fernand St. Germain": after a first name, "St." belongs to the surname.
    if (i > 0 && isSaint(run[i] ?? '') && ((f[from + i - 1] ?? 0) & (TITLE | ORG | ACRONYM)) === 0) continue;
    // "Nicholas Garro III": a generation's numeral ending a name is no acronym.
    if (i > 1 && i === run.length - 1 && GENERATION.test(run[i] ?? '') && ((f[from + i - 1] ?? 0) & (TITLE | ORG | ACRONYM)) === 0) continue;
    if ((fi & (TITLE | ORG | MARKED)) !== 0 || (!shouting && (fi & ACRONYM) !== 0) || (i === 0 && run.length >= 3 && (fi & DEMONYM) !== 0)) cut = i;
  }
  return cut;
}

/** A run that names a person: 1–5 words, no organisation words, each word a name-like capitalised word. */
export function looksLikePersonName(name: readonly string[]): boolean {
  return looksLikePersonNameFlagged(name, runFlags(name), 0);
}

/** `looksLikePersonName` given the words' `nameFlags` from offset `from` on (`f[from + i]` for `name[i]`). */
export function looksLikePersonNameFlagged(name: readonly string[], f: readonly number[], from: number): boolean {
  if (name.length === 0 || name.length > 5) return false;
  let caps = 0;
  for (let i = 0; i < name.length; i++) {
    const w = name[i] ?? '';
    const fi = f[from + i] ?? 0;
    if ((fi & PARTICLE) !== 0 || (i > 0 && isSaint(w))) continue;
    // A headline in capitals ("CHINA LIKELY TO JOIN GATT") has function words; names don't.
    if ((fi & (STOP | ORG | TITLE)) !== 0 || !isCapWord(w)) return false;
    caps++;
  }
  return caps > 0 && ((f[from] ?? 0) & NON_STARTER) === 0;
}
