// First names from a maintained list (gender-detection-from-name), and the person's name that
// ends a run of capitalised words. Its own module: phrase.ts and people.ts both need it, and
// people.ts already depends on phrase.ts.

import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './first-name-table.js';
import { foldName, looksLikePersonName, memoByWord, splitTitle, type Gender } from './names.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const STARTS_UPPER = /^\p{Lu}/u;

// The lists' answers as two sorted lists (first-name-table.ts, generated from the package by
// bench/first-name-table.ts): requiring the package's 2 MB of JavaScript cost a cold build about
// 0.1 s of CPU. Split on first use: a start from the cache reads the saved quotes and never needs them.
let lists: { male: string[]; female: string[] } | undefined;

/** `name` is in `sorted` (ascending by UTF-16 code units, as Array#sort leaves it). */
function listed(sorted: readonly string[], name: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const w = sorted[mid] as string;
    if (w === name) return true;
    if (w < name) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** What the package's `getGender(name)` answers, read from the table. */
export function listedGenderOf(name: string): 'male' | 'female' | 'unknown' {
  if (!name) return 'unknown';
  const l = name.toLowerCase();
  lists ??= { male: MALE_FIRST_NAMES.split(','), female: FEMALE_FIRST_NAMES.split(',') };
  return listed(lists.male, l) ? 'male' : listed(lists.female, l) ? 'female' : 'unknown';
}

/** A word of the maintained first-name lists (several languages); every listed name has a gender there. */
export const isFirstName = (folded: string): boolean => firstNameGender(folded) !== null;

/**
 * Where a person's name (a capitalised known first name and one or two more words) ends a run that
 * begins with something else ("Exchequer Gordon Brown"), or -1. A run of first names ("Mary Ann
 * Smith") and a particle ("Bill de Blasio") stay whole.
 */
export function personSuffix(run: readonly string[]): number {
  for (let k = Math.max(1, run.length - 3); k <= run.length - 2; k++) {
    const rest = run.slice(k);
    const first = run[k] ?? '';
    if (!STARTS_UPPER.test(first) || !isFirstName(foldName(first)) || !looksLikePersonName(rest) || splitTitle(rest).name.length !== rest.length) continue;
    if (run.slice(0, k).some((w) => !isFirstName(foldName(w)))) return k;
  }
  return -1;
}

// Kept by word: the package lower-cases the name and tries six language maps in turn on every call.
const listedGender = memoByWord((folded): Gender => {
  const g = listedGenderOf(folded);
  return g === 'male' ? 'm' : g === 'female' ? 'f' : null;
});

/** The gender the name lists give a first name ("wendy" → f), or null when they don't know it. */
export function firstNameGender(folded: string): Gender {
  return folded.length <= 1 ? null : listedGender(folded);
}

