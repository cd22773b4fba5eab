import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { firstNameTableSource, listedGenders, TABLE_PATH } from '../../bench/first-name-table.js';
import { inSortedList, listedGenderOf } from '../../src/quotes/first-names.js';

const lists = createRequire(import.meta.url)('gender-detection-from-name') as { getGender: (n: string) => string };

describe('first-name table', () => {
  it('is what the generator makes from the installed package (run `npm run gen:first-names` when this fails)', () => {
    expect(readFileSync(TABLE_PATH, 'utf8') === firstNameTableSource()).toBe(true);
  });

  it('is among the files the build compiles into dist/ (first-names.ts reads it beside itself there)', () => {
    const configPath = fileURLToPath(new URL('../../tsconfig.build.json', import.meta.url));
    const { config } = ts.readConfigFile(configPath, (p) => readFileSync(p, 'utf8')) as { config: unknown };
    const files = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(new URL('../..', import.meta.url))).fileNames;
    expect(files).toContain(TABLE_PATH);
  });

  it('answers every listed name, its capitalised form and near misses as the package does', () => {
    const names = [...listedGenders().keys()];
    expect(names.length).toBeGreaterThan(60_000);
    let male = 0;
    let female = 0;
    for (const name of names) {
      const g = lists.getGender(name);
      if (g === 'male') male++;
      else if (g === 'female') female++;
      expect(listedGenderOf(name)).toBe(g);
    }
    // Both genders are there in numbers (a table with one list empty would fail here).
    expect(male).toBeGreaterThan(20_000);
    expect(female).toBeGreaterThan(20_000);
    const others = ['', 'a', 'Wendy', 'RICHARD', 'Ümit', 'xyzzy', 'smith', 'wendyx', 'wend', ' wendy', 'jean pierre', 'zzzzzz', '~'];
    for (let k = 0; k < names.length; k += 97) {
      const n = names[k] ?? '';
      others.push(n.toUpperCase(), `${n}q`, n.slice(0, -1), `${n},${n}`);
    }
    let known = 0;
    for (const w of others) {
      const g = lists.getGender(w);
      if (g !== 'unknown') known++;
      expect(listedGenderOf(w), JSON.stringify(w)).toBe(g);
    }
    expect(known).toBeGreaterThan(500);
  });

  it('searches a comma-joined sorted list as membership of its split words', () => {
    // Small lists with prefixes, non-ASCII and one-word edges; every word, its neighbours and near misses.
    const lists = [[], ['a'], ['ab', 'abc', 'abd', 'b', 'ba'], ['anna', 'anna maria', 'annabel', 'zoë', 'ümit', 'ǆ'], ['jean', 'jean-luc', 'jeanne']];
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const alphabet = ['a', 'b', 'c', ' ', '-', ',', 'ë', 'ü', 'z'];
    for (const words of lists) {
      const sorted = [...words].sort();
      const joined = sorted.join(',');
      const asks = ['', ',', 'a,', ',a', ...sorted, ...sorted.map((w) => `${w},${w}`), ...sorted.map((w) => w.slice(0, -1)), ...sorted.map((w) => `${w}a`)];
      for (let k = 0; k < 300; k++) asks.push(Array.from({ length: 1 + rand(5) }, () => alphabet[rand(alphabet.length)]).join(''));
      for (const w of asks) expect(inSortedList(joined, w), `${JSON.stringify(w)} in ${JSON.stringify(joined)}`).toBe(sorted.includes(w));
    }
  });
});
