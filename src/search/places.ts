/**
 * Place names every news archive uses: countries, continents, regions, oceans and US states, and
 * the words that make a capitalised run a place ("River", "Island"). Evidence for the span
 * model, not a rule: a *where* answer is usually one, a *who* answer usually not, and the
 * weights learn how much that says on each type.
 */
import { memoByWord } from '../text/memo.js';
import { termOf, tokenize } from '../text/tokenize.js';

/** One-word names separated by white space, then two-word names separated by '|'. */
const lexicon = (words: string, pairs: string): ReadonlySet<string> => new Set([...words.split(/\s+/), ...pairs.split('|').map((x) => x.trim())]);

/** Countries, past and present, and the nations of Britain. */
const COUNTRIES = lexicon(
  `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh
  barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina burma burundi
  cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechoslovakia czech denmark
  djibouti dominica ecuador egypt eritrea estonia ethiopia fiji finland france gabon gambia georgia germany ghana greece
  grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica
  japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
  liechtenstein lithuania luxembourg macedonia madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
  micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands holland
  nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar
  romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname swaziland
  sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu
  uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen yugoslavia zaire zambia zimbabwe britain
  england scotland wales ulster prussia persia ottoman byzantium mesopotamia anatolia scandinavia siberia tibet manchuria`,
  `united states|united kingdom|soviet union|new zealand|south africa|saudi arabia|sri lanka|costa rica|el salvador|north
  korea|south korea|east germany|west germany|ivory coast|czech republic|dominican republic|great britain|northern
  ireland|puerto rico|united arab`,
);
/** Continents, regions, seas and oceans. */
const REGIONS = lexicon(
  `africa america americas asia europe oceania antarctica arctic antarctic eurasia balkans caribbean caucasus levant
  maghreb sahara mediterranean atlantic pacific baltic adriatic aegean`,
  `latin america|north america|south america|central america|middle east|far east|north sea|black sea|red sea|persian gulf`,
);
/** US states (a "state" answer). */
const STATES = lexicon(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa
  kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada
  ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming`,
  `new jersey|new mexico|new hampshire|north carolina|south carolina|north dakota|south dakota|west virginia|rhode
  island|new york`,
);
/** Capitals and large cities. */
const CITIES = lexicon(
  `london paris berlin rome moscow tokyo beijing washington chicago boston madrid vienna brussels geneva zurich amsterdam
  shanghai sydney toronto montreal dublin edinburgh cairo delhi mumbai bombay calcutta istanbul constantinople jerusalem
  athens lisbon warsaw prague budapest stockholm oslo copenhagen helsinki seoul manila jakarta bangkok singapore tehran
  baghdad`,
  `new york|los angeles|san francisco|new delhi|hong kong|buenos aires|mexico city|tel aviv|cape town`,
);

const PLACES = new Set([...COUNTRIES, ...REGIONS, ...STATES, ...CITIES]);

/** Capitalised words that make a run a place: "the Rhine River", "Lake Constance", "Dade County". */
const PLACE_WORDS = new Set(
  `river lake sea ocean bay gulf island islands isle peninsula mountain mountains mount mt valley coast desert forest strait channel
  canal city town village county province state region district territory republic kingdom empire street avenue square port harbour
  harbor airport park basin delta plain plains highlands cape falls glacier`.split(/\s+/),
);

/** Dotted or capital abbreviations of countries ("U.S.", "UK", "U.S.A."), by their letters. */
const ABBREVIATIONS = new Map<string, string>([
  ['us', 'united states'],
  ['usa', 'united states'],
  ['uk', 'united kingdom'],
  // "united arab" is the lexicon's two-word entry (knownPlaces looks at two words at most): keep the two in step.
  ['uae', 'united arab'],
  ['ussr', 'soviet union'],
]);

// Made once here: tsx (the tests' and benches' loader) turns a \p{…} literal into a `new RegExp(…)` built at every call.
const ABBREVIATION = /^(?:\p{Lu}\.?){2,4}$/u;
// Shared /g expressions: only for replace, match and matchAll (which reset or copy lastIndex), never test or exec.
const NON_LETTER = /[^\p{L}]/gu;
/**
 * A word as the lexicons spell it: lower case, letters only, without a possessive ("Britain's",
 * "the U.K.'s"); an abbreviation in capitals, dotted or not ("U.S.", "UK"), as the country's full
 * name ("us" the pronoun is lower case, and a lower-case word never reaches here).
 */
function fold(w: string): string {
  const bare = w.replace(/['’]s?$/u, '');
  if (ABBREVIATION.test(bare)) {
    const full = ABBREVIATIONS.get(bare.replace(/\./g, '').toLowerCase());
    if (full) return full;
  }
  return bare.toLowerCase().replace(NON_LETTER, '');
}

/** A run's known place: one word or two ("United States"). */
function knownPlaces(words: readonly string[], each: (name: string) => boolean): boolean {
  return words.some((w, i) => STARTS_UPPER.test(w) && (each(fold(w)) || each(`${fold(w)} ${fold(words[i + 1] ?? '')}`)));
}

/** Whether a word of the run is a known place ("Normandy" is not; "England", "Europe" are). */
export function namesKnownPlace(words: readonly string[]): boolean {
  return knownPlaces(words, (x) => PLACES.has(x));
}

// Made once: the quote attribution asks about most names it reads, and tsx would build a \p{…}
// literal inside a function anew at every call.
const STARTS_UPPER = /^\p{Lu}/u;
const PLAIN_LETTERS = /^[A-Za-z]+$/;

/** Whether one word is a gazetteer entry. */
const isOnePlace = (w: string): boolean => STARTS_UPPER.test(w) && PLACES.has(placeFold(w));
/** `isOnePlace`, its answers kept by word: the quote attribution asks about the same names again and again. */
const onePlace = memoByWord(isOnePlace);
/** Longer than any gazetteer entry: answered without the memo, which keeps no such word. */
const MEMO_WORD_LENGTH = 40;

/**
 * Whether the whole run (one word, or two) is a gazetteer entry: "Peru", "Saudi Arabia", "U.S.",
 * "BRUSSELS" — not "Peru Copper" nor "Michael London". (namesKnownPlace asks about any word.)
 */
export function isPlaceName(words: readonly string[]): boolean {
  if (words.length === 1) {
    const w = words[0] ?? '';
    return w.length > MEMO_WORD_LENGTH ? isOnePlace(w) : onePlace(w);
  }
  if (words.length !== 2 || !words.every((w) => STARTS_UPPER.test(w))) return false;
  return PLACES.has(`${placeFold(words[0] ?? '')} ${placeFold(words[1] ?? '')}`);
}

/** `fold`, without its expressions for a word of ASCII letters longer than an abbreviation ("Peru", "BRUSSELS"). */
function placeFold(w: string): string {
  return w.length > 4 && PLAIN_LETTERS.test(w) ? w.toLowerCase() : fold(w);
}

/** Whether a capitalised word of the run is a geographic noun ("River", "Island", "County"). */
export function hasPlaceWord(words: readonly string[]): boolean {
  return words.some((w) => STARTS_UPPER.test(w) && PLACE_WORDS.has(fold(w)));
}

/** What kind of place each question head word asks for, by the word's index term ("countries" → "countri"). */
const KIND_OF_HEAD = new Map<string, ReadonlySet<string>>(
  (
    [
      ['country', COUNTRIES],
      ['countries', COUNTRIES],
      ['nation', COUNTRIES],
      ['state', STATES],
      ['city', CITIES],
      ['cities', CITIES],
      ['town', CITIES],
      ['capital', CITIES],
      ['continent', REGIONS],
      ['region', REGIONS],
      ['ocean', REGIONS],
      ['sea', REGIONS],
    ] as const
  ).flatMap(([word, kind]) => tokenize(word).map((t): [string, ReadonlySet<string>] => [termOf(t) ?? word, kind])),
);

/**
 * Whether a candidate's known place is of the kind the question's head word asks for ("What
 * *city*…" → a city): 1 it is, -1 it is a known place of another kind ("Europe" for a city), 0
 * when the head asks for no kind of place or the run names no known place.
 */
export function placeKindMatch(head: string | undefined, words: readonly string[]): number {
  const kind = head === undefined ? undefined : KIND_OF_HEAD.get(head);
  if (!kind) return 0;
  if (knownPlaces(words, (x) => kind.has(x))) return 1;
  return namesKnownPlace(words) ? -1 : 0;
}
