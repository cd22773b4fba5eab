// First names from a maintained list (gender-detection-from-name), and the person's name that
// ends a run of capitalised words. Its own module: phrase.ts and people.ts both need it, and
// people.ts already depends on phrase.ts.

import { createRequire } from 'node:module';
import type * as GenderModule from 'gender-detection-from-name';
import { foldName, looksLikePersonName, memoByWord, splitTitle, type Gender } from './names.js';

// The name lists load on first use: a start from the cache reads the saved quotes and never needs them.
let genderOf: typeof GenderModule.getGender | undefined;
const getGender = (name: string): ReturnType<typeof GenderModule.getGender> => (genderOf ??= (createRequire(import.meta.url)('gender-detection-from-name') as typeof GenderModule).getGender)(name);

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
    if (!/^\p{Lu}/u.test(first) || !isFirstName(foldName(first)) || !looksLikePersonName(rest) || splitTitle(rest).name.length !== rest.length) continue;
    if (run.slice(0, k).some((w) => !isFirstName(foldName(w)))) return k;
  }
  return -1;
}

// Kept by word: the package lower-cases the name and tries six language maps in turn on every call.
const listedGender = memoByWord((folded): Gender => {
  const listed = getGender(folded);
  return listed === 'male' ? 'm' : listed === 'female' ? 'f' : null;
});

/** The gender the name lists give a first name ("wendy" → f), or null when they don't know it. */
export function firstNameGender(folded: string): Gender {
  return folded.length <= 1 ? null : listedGender(folded);
}

