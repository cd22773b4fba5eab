import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { firstNameTableSource, listedGenders, TABLE_PATH } from '../../bench/first-name-table.js';
import { listedGenderOf } from '../../src/quotes/first-names.js';

const lists = createRequire(import.meta.url)('gender-detection-from-name') as { getGender: (n: string) => string };

describe('first-name table', () => {
  it('is what the generator makes from the installed package (run `npm run gen:first-names` when this fails)', () => {
    expect(readFileSync(TABLE_PATH, 'utf8') === firstNameTableSource()).toBe(true);
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
});
