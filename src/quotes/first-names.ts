// First names from a maintained list (gender-detection-from-name), and the person's name that
// ends a run of capitalised words. Its own module: phrase.ts and people.ts both need it, and
// people.ts already depends on phrase.ts.

import { readFileSync } from 'node:fs';
import { memoByWord } from '../text/memo.js';
import { foldName, looksLikePersonName, splitTitle, type Gender } from './names.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const STARTS_UPPER = /^\p{Lu}/u;

// The lists' answers as two sorted comma-joined lists (first-name-table.json, generated from the
// package by bench/first-name-table.ts): requiring the package's 2 MB of JavaScript cost a cold build
// about 0.1 s of CPU. Searched as they stand, by character offsets: splitting them into 67,000
// strings cost each cold build 20-100 ms and kept 2.5 MB alive through every young-generation GC,
// for the ~2,500 distinct words a Reuters build asks about. Read on the first question, from the
// JSON file beside this module (the build copies it into dist/): as a string literal in a module
// they cost every process that imports the quote code ~25 ms of parsing, asked or not.
interface FirstNameLists {
  male: string;
  female: string;
}
let lists: FirstNameLists | undefined;

/** The two lists, read once. */
export function firstNameLists(): FirstNameLists {
  if (lists === undefined) {
    const path = new URL('./first-name-table.json', import.meta.url);
    let json: string;
    try {
      json = readFileSync(path, 'utf8');
    } catch (cause) {
      // A deployment bug, not a user's: say how to put the table back.
      throw new Error(`first-name table missing at ${path.pathname}: \`npm run build\` copies it into dist/; \`npm run gen:first-names\` regenerates it`, { cause });
    }
    const table = JSON.parse(json) as Partial<FirstNameLists>;
    if (typeof table.male !== 'string' || typeof table.female !== 'string') throw new Error('first-name-table.json: no male and female lists');
    lists = { male: table.male, female: table.female };
  }
  return lists;
}

const COMMA = 44;

/**
 * How the list word starting at `at` (up to the next comma or the end) compares with `name`, by
 * UTF-16 code units as `<` does: negative when the word sorts first, 0 when they are equal. A
 * name holding a comma sorts after its own prefix and never equals a word.
 */
function compareWordAt(list: string, at: number, name: string): number {
  for (let j = 0; ; j++) {
    const c = at + j < list.length ? list.charCodeAt(at + j) : COMMA;
    if (c === COMMA) return j === name.length ? 0 : -1;
    if (j === name.length) return 1;
    const d = c - name.charCodeAt(j);
    if (d !== 0) return d;
  }
}

/** `name` is a word of `list` (words sorted ascending by UTF-16 code units, as Array#sort leaves them, joined by commas). */
export function inSortedList(list: string, name: string): boolean {
  // Offsets [lo, hi) hold the words still possible; lo always stands at a word's start.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    let mid = (lo + hi) >> 1;
    while (mid > lo && list.charCodeAt(mid - 1) !== COMMA) mid--;
    const c = compareWordAt(list, mid, name);
    if (c === 0) return true;
    if (c < 0) {
      const end = list.indexOf(',', mid);
      lo = end === -1 ? list.length : end + 1;
    } else hi = mid;
  }
  return false;
}

/** What the package's `getGender(name)` answers, read from the table. */
export function listedGenderOf(name: string): 'male' | 'female' | 'unknown' {
  if (!name) return 'unknown';
  const l = name.toLowerCase();
  const { male, female } = firstNameLists();
  return inSortedList(male, l) ? 'male' : inSortedList(female, l) ? 'female' : 'unknown';
}

/** A word of the maintained first-name lists (several languages); every listed name has a gender there. */
export const isFirstName = (folded: string): boolean => firstNameGender(folded) !== null;

/**
 * Where a person's name (a capitalised known first name and one or two more words) ends a run that
 * begins with something else ("Exchequer Gordon Brown"), or -1. A run of first names ("Mary Ann
 * Smith") and a particle ("Bill de Blasio") stay whole.
 */
export function personSuffix(run: readonly string[], notName: (w: string) => boolean = NO_WORD): number {
  for (let k = Math.max(1, run.length - 3); k <= run.length - 2; k++) {
    const rest = run.slice(k);
    const first = run[k] ?? '';
    if (!STARTS_UPPER.test(first) || !isFirstName(foldName(first)) || !looksLikePersonName(rest) || splitTitle(rest).name.length !== rest.length) continue;
    // `notName`: a word the caller knows is no name though the lists hold it ("Ambassador to Jordan Pere Ostrova").
    if (run.slice(0, k).some((w) => !isFirstName(foldName(w)) || notName(w))) return k;
  }
  return -1;
}
const NO_WORD = (): boolean => false;

// Kept by word: the package lower-cases the name and tries six language maps in turn on every call.
const listedGender = memoByWord((folded): Gender => {
  const g = listedGenderOf(folded);
  return g === 'male' ? 'm' : g === 'female' ? 'f' : null;
});

/** The gender the name lists give a first name ("wendy" → f), or null when they don't know it. */
export function firstNameGender(folded: string): Gender {
  return folded.length <= 1 ? null : listedGender(folded);
}

