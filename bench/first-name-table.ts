// Makes src/quotes/first-name-table.json from the maintained first-name lists
// (gender-detection-from-name), which stay the source of truth:
//
//   npm run gen:first-names
//
// The package is 2 MB of JavaScript that builds six Maps when first required; the quote step paid
// that (about 0.1 s of CPU) in every cold build. The table holds the same answers as two sorted,
// comma-joined lists (≈0.5 MB of JSON, read on the first gender question: as a string literal in a
// module it cost every process ~25 ms to import). A test checks that the committed table equals
// what this script makes and answers every listed name as the package does.

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's languages, in the order its getGender tries them. */
const LANGUAGES = ['en', 'it', 'es', 'fr', 'de', 'tr'] as const;

/** What joins the names of a list (no listed name holds one). */
export const SEPARATOR = ',';

/** Every name the package can answer with its gender: the first list that holds it decides, as in getGender. */
export function listedGenders(): Map<string, 'male' | 'female'> {
  const require = createRequire(import.meta.url);
  const out = new Map<string, 'male' | 'female'>();
  for (const lang of LANGUAGES) {
    const names = require(`gender-detection-from-name/names/${lang}`) as Map<string, string>;
    for (const [name, gender] of names) {
      // getGender lower-cases what it is asked: a key with a capital is never found.
      if (out.has(name) || name !== name.toLowerCase() || (gender !== 'male' && gender !== 'female')) continue;
      if (name.includes(SEPARATOR)) throw new Error(`first name "${name}" holds the table's separator`);
      out.set(name, gender);
    }
  }
  return out;
}

/** The text of src/quotes/first-name-table.json. */
export function firstNameTableSource(): string {
  const require = createRequire(import.meta.url);
  const version = (require('gender-detection-from-name/package.json') as { version: string }).version;
  const male: string[] = [];
  const female: string[] = [];
  for (const [name, gender] of listedGenders()) (gender === 'male' ? male : female).push(name);
  // Default (UTF-16 code unit) order: what the lookup's binary search compares with < and >.
  male.sort();
  female.sort();
  const table = {
    generated: `by \`npm run gen:first-names\` (bench/first-name-table.ts) from gender-detection-from-name ${version}: do not edit`,
    about: 'lower-case first names, sorted, comma-separated; a name is in the list of the gender the package gives it',
    male: male.join(SEPARATOR),
    female: female.join(SEPARATOR),
  };
  return `${JSON.stringify(table, null, 1)}\n`;
}

export const TABLE_PATH = fileURLToPath(new URL('../src/quotes/first-name-table.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(TABLE_PATH, firstNameTableSource());
  console.log(`wrote ${TABLE_PATH}`);
}
