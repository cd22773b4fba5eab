// Session 16 cuts of the name scan (`new People`): each run word's lexicon flags are read once and
// passed along, and cheap character tests stand before expressions. The saved quotes may not change
// (bench/quotes-hash.ts checks whole archives); these check the pieces and the scan's output on
// crafted paragraphs (the expected values are what main gave before the cuts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikePersonName, looksLikePersonNameFlagged, nameFlags, NAME_FLAG, runFlags, splitTitle, splitTitleFlagged, titleCut } from '../../src/quotes/names.js';
import { DATELINE, isTitleLine, mayOpenWithDateline, mayOpenWithRole, paragraphBases, People, type Person } from '../../src/quotes/people.js';
import { opensWithRole } from '../../src/quotes/phrase.js';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { firstNameLists } from '../../src/quotes/first-names.js';
import { GROUP_NOUNS } from '../../src/quotes/names.js';
import { pick, seeded } from './seeded.js';


const NAME_WORDS = [
  'Treasury', 'Secretary', 'James', 'Varek', 'Acting', 'ICE', 'Director', 'de', 'Vasuro', 'Bill', 'St.', 'Vermain', 'Fernand', 'Belgian', 'Willy',
  'HENRY', 'LUDERO', 'The', 'But', 'Mr', 'Reuters', 'Bank', 'Japan', 'U.S.', 'Monday', '1987', 'Smith’s', 'ex-Minister', 'van', 'Zoë', 'Ünal', '𝐀𝐁𝐂',
  'Jean-Pierre', 'NASA', 'University', 'Al', 'st', 'ST.', 'Sergeant-at-Arms',
];

function randomRuns(n: number, seed: number): string[][] {
  const next = seeded(seed);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from({ length: next(7) }, () => pick(next, NAME_WORDS)));
  return out;
}

/** One case written by bench/people-scan-fixture.ts: the scan of its paragraphs must find what the fixture holds. */
interface ScanCase {
  paragraphs: string[];
  persons: unknown[];
  mentions: unknown[];
  orgs: unknown[];
}
function expectScanAsFixture(c: ScanCase): People {
  const bases = paragraphBases(c.paragraphs);
  const people = new People(c.paragraphs, bases, (pos) => pos % 10 === 0);
  const end = (bases[bases.length - 1] ?? 0) + (c.paragraphs[c.paragraphs.length - 1]?.length ?? 0);
  const probes = [0.25, 0.5, 0.75, 1].map((f) => Math.round(end * f));
  const where = JSON.stringify(c.paragraphs);
  expect([...people.persons.values()].map((p) => [p.name, p.role, p.gender, p.evidence, p.firstAt, p.group]), where).toEqual(c.persons);
  expect(people.mentions.map((m) => [m.pos, m.person.name, m.subject, m.quoted]), where).toEqual(c.mentions);
  expect(probes.map((pos) => [people.orgBefore(pos, 400) ?? null, people.orgBefore(pos, 400, true) ?? null]), where).toEqual(c.orgs);
  return people;
}

describe('the name scan reads each run word\'s flags once (session 16)', () => {
  it('the title split and the person-name test given a run\'s flags, from any offset, answer as when they read each word themselves', () => {
    let names = 0;
    let titled = 0;
    for (const run of randomRuns(4000, 3)) {
      const f = runFlags(run);
      expect(f).toEqual(run.map((w) => nameFlags(w)));
      expect(splitTitleFlagged(run, f)).toEqual(splitTitle(run));
      for (let from = 0; from <= run.length; from++) {
        const tail = run.slice(from);
        const cut = titleCut(tail, f, from);
        const split = splitTitle(tail);
        expect(cut + 1, JSON.stringify(tail)).toBe(split.title.length);
        expect(looksLikePersonNameFlagged(tail, f, from), JSON.stringify(tail)).toBe(looksLikePersonName(tail));
        if (split.title.length > 0) titled++;
        if (looksLikePersonName(tail)) names++;
      }
    }
    // Both answers occur often: the comparison is not between constants.
    expect(names).toBeGreaterThan(500);
    expect(titled).toBeGreaterThan(500);
    expect(nameFlags('The') & NAME_FLAG.NON_STARTER).not.toBe(0);
    expect(nameFlags('Varek') & NAME_FLAG.NON_STARTER).toBe(0);
  });

  it('the dateline expression is skipped only where it cannot match', () => {
    const next = seeded(17);
    const pieces = ['PARIS', 'NEW YORK', 'Paris', ',', ', ', 'March', 'Mar.', ' 28', ' ', '  ', ' - ', ' – ', 'The', 'É', 'ÉTÉ', '𝐀', 'a', 'x', '\u00a0', '\n', "O'HARE", 'ST. LOUIS', '-', '.', 'Ab', 'Ñ', '’'];
    let matched = 0;
    let skipped = 0;
    const texts = ['PARIS, March 28 - The', '  NEW YORK, Mar. 3 – x', 'ÉTÉ, March 2 - y', 'The dollar', 'Paris, March 2 - ', '', '   ', '\u00a0TOKYO, April 1 - z'];
    const places = ['PARIS', 'NEW YORK', "O'HARE", "L'AQUILA", 'A ROMA', 'U.S. BASE', 'X-RAY', 'ST. LOUIS', 'ÉTÉ', 'Paris', 'P', '𝐀B', 'Ab', 'LA-PAZ', 'L’AQUILA', 'AÑO NUEVO', 'A\u0301RHUS'];
    const months = ['March', 'Mar.', 'Ma', 'September', 'MARCH', 'march'];
    for (let n = 0; n < 20000; n++) {
      if (n % 2 === 0) texts.push(Array.from({ length: next(9) }, () => pick(next, pieces)).join(''));
      // Shaped like a dateline, with a random part off now and then.
      else texts.push(`${pick(next, ['', ' ', '\n'])}${pick(next, places)}${pick(next, ['', ', Texas', ',Texas'])}${pick(next, [', ', ',', ' '])}${pick(next, months)}${pick(next, [' 28', ' 3', '28', ' 123'])}${pick(next, [' - ', ' – ', ' — ', '-', ' -'])}${pick(next, ['The', '', 'x'])}`);
    }
    for (const p of texts) {
      const matches = DATELINE.test(p);
      if (matches) matched++;
      if (!mayOpenWithDateline(p)) {
        skipped++;
        expect(matches, JSON.stringify(p)).toBe(false);
      }
    }
    expect(matched).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(5000);
    expect(['PARIS, March 28 - The', 'The dollar', 'Paris, March 2 - ', '   '].map(mayOpenWithDateline)).toEqual([true, false, false, false]);
  });

  it('a title line is what the expressions say: no lower-case letter in any script, three runs of capitals', () => {
    const next = seeded(23);
    const pieces = ['ST.', 'VERMAIN', 'REGRETS', 'VOLMARK', 'a', 'é', 'ß', 'É', 'ÉTÉ', '𝐀𝐁', '𝐚', 'Ⅻ', ' ', ' ', '-', '1987', 'U.S.', '\u00a0', 'I'];
    let lines = 0;
    let prose = 0;
    for (let n = 0; n < 20000; n++) {
      const p = Array.from({ length: next(8) }, () => pick(next, pieces)).join('');
      const expected = p.length <= 400 && !/\p{Ll}/u.test(p) && (p.match(/\p{Lu}{2,}/gu)?.length ?? 0) >= 3;
      if (expected) lines++;
      else prose++;
      expect(isTitleLine(p), JSON.stringify(p)).toBe(expected);
    }
    expect(lines).toBeGreaterThan(150);
    expect(prose).toBeGreaterThan(5000);
  });

  it('GIVEN crafted paragraphs (titles, roles, particles, apostrophes, hyphens, astral letters, an all-caps line) THEN the persons, mentions and organisations are main\'s', () => {
    const paras = [
      'WASHINGTON, March 3 - Treasury Secretary James Varek said on Tuesday the dollar was stable.',
      'ST. VERMAIN REGRETS VOLMARK STEPPING DOWN',
      'Goalkeeper Marek Dvorsky said the Chancellor of the Exchequer Gordon Brack had called. But Acting ICE Director Matthew Olbrect declined.',
      'The British Chambers of Commerce welcomed the plan, spokeswoman Freddi Goldmeyer told Reuters. Mayor Bill de Vasuro agreed.',
      'De Vasuro said O’Neill’s plan and Jean-Pierre Tessarin’s were fine, according to Zoë Ünal.',
      'New Yorker Dick Morvan and 𝐀𝐁𝐂 Corp met Mr Brant in de.',
    ];
    const people = new People(paras, paragraphBases(paras), () => false);
    expect([...people.persons.values()].map((p) => [p.name, p.role, p.gender, p.evidence, p.firstAt])).toEqual([
      ['Bill de Vasuro', 'Mayor', null, 3, 369],
      ['James Varek', 'Treasury Secretary', null, 2, 22],
      ['Marek Dvorsky', null, null, 2, 147],
      ['Gordon Brack', 'Exchequer', null, 2, 188],
      ['Matthew Olbrect', 'Acting ICE Director', null, 1, 227],
      ['British Chambers', null, null, 0, 278],
      ['Freddi Goldmeyer', 'spokeswoman', 'f', 2, 338],
      ['Jean-Pierre Tessarin', null, null, 0, 433],
      ['Zoë Ünal', null, null, 1, 480],
      ['Dick Morvan', null, null, 1, 495],
      ['Brant', null, 'm', 2, 534],
    ]);
    expect(people.mentions.map((m) => [m.pos, m.person.name, m.subject])).toEqual([
      [22, 'James Varek', true],
      [147, 'Marek Dvorsky', true],
      [188, 'Gordon Brack', true],
      [227, 'Matthew Olbrect', true],
      [278, 'British Chambers', true],
      [338, 'Freddi Goldmeyer', true],
      [369, 'Bill de Vasuro', true],
      [399, 'Bill de Vasuro', true],
      [433, 'Jean-Pierre Tessarin', false],
      [480, 'Zoë Ünal', false],
      [495, 'Dick Morvan', false],
      [534, 'Brant', false],
    ]);
    // "The British Chambers of Commerce": the organisation's whole name, joined across "of" (the opener dropped by its flags).
    expect(people.orgBefore(300, 1000)).toBe('British Chambers of Commerce');
    expect(people.orgBefore(250, 1000)).toBeUndefined();
  });

  it('GIVEN a 1 MB paragraph of names and sentence openers THEN the scan finishes and finds every name', () => {
    const unit = 'But The Acting Director Matthew Olbrect said. Then ICE van der Berg ';
    const n = Math.ceil(1_000_000 / unit.length);
    const people = new People([unit.repeat(n)], [0], () => false);
    // Each unit's Olbrect; "… van der Berg But The Acting …" runs on into the next unit, so only the last Berg stands alone.
    expect([...people.persons.values()].map((p) => p.name).sort()).toEqual(['Matthew Olbrect', 'van der Berg']);
    expect(people.mentions.length).toBe(n + 1);
    expect(people.mentions[0]?.person.name).toBe('Matthew Olbrect');
  });

  // Review 16: each skipped opener once cut the run's word list anew (quadratic: 80,000 words took 27 s).
  it('GIVEN a paragraph of 100,000 words that begin no name ("The The …", "But But …") before a quote THEN the quote is attributed to the name after it', () => {
    for (const opener of ['The ', 'But ']) {
      const hostile = `${opener.repeat(100_000)}dollar fell.`;
      const quotes = attributeArticle([hostile, '“We will hold the line,” said Mary Kowalski.']);
      expect(quotes.map((q) => q.speaker)).toEqual(['Mary Kowalski']);
    }
  });

  it('a run the role test is not asked about never opens with a role by that test', () => {
    const next = seeded(29);
    const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
    const firsts = [...firstNameLists().male.split(','), ...firstNameLists().female.split(',')].filter((_, k) => k % 37 === 0).map(cap);
    const roles = [...GROUP_NOUNS].map(cap);
    const others = ['Fly-half', 'Oscar-nominated', 'Chairman-elect', 'Pei-yuan', 'Spaniard', 'Americans', 'Britons', 'Striker', 'Goalkeeper', 'Rapper', 'Manchester',
      'Lancaster', 'Broadcaster', 'Forecaster', 'Fraser', 'Sher', 'Richard', 'James', 'Lee', 'Herman', 'Ian', 'Baptist', 'Digital', 'National', 'Smith', 'Khan', 'Garcia-Lopez', 'Ünal', 'Zoë', 'ICE'];
    const pool = [...firsts, ...roles, ...others];
    let asked = 0;
    let opens = 0;
    for (let n = 0; n < 30000; n++) {
      const run = Array.from({ length: 1 + next(4) }, () => pick(next, next(3) === 0 ? firsts : pool));
      const may = mayOpenWithRole(run);
      const real = opensWithRole(run);
      if (may) asked++;
      if (real) opens++;
      if (!may) expect(real, JSON.stringify(run)).toBe(false);
    }
    expect(opens).toBeGreaterThan(500);
    // Most runs are not asked about: the shortcut saves the first-name lookups.
    expect(30000 - asked).toBeGreaterThan(10000);
  });

  it('GIVEN 120 seeded random articles of particles, roles, numbers, slashes, apostrophes, astral letters, all-caps lines and datelines THEN the scan finds what main found', () => {
    // Written from main 288ee84 by bench/people-scan-fixture.ts.
    const cases = JSON.parse(readFileSync(new URL('./fixtures/people-scan-cases.json', import.meta.url), 'utf8')) as Array<{
      paragraphs: string[];
      persons: unknown[];
      mentions: unknown[];
      orgs: unknown[];
    }>;
    expect(cases.length).toBe(120);
    let mentions = 0;
    for (const c of cases) mentions += expectScanAsFixture(c).mentions.length;
    expect(mentions).toBeGreaterThan(400);
  });

  it('GIVEN 120 seeded random articles of role words glued by slashes and bars, after opening marks, numbers, possessives and punctuation THEN the role words read back from each name are what main found (session 28)', () => {
    // Written from main 1f72d19 by `bench/people-scan-fixture.ts OUT roles`, before the scan read the role words back from a name.
    const cases = JSON.parse(readFileSync(new URL('./fixtures/people-scan-roles.json', import.meta.url), 'utf8')) as Array<{
      paragraphs: string[];
      persons: Array<[string, string | null, ...unknown[]]>;
      mentions: unknown[];
      orgs: unknown[];
    }>;
    expect(cases.length).toBe(120);
    let roles = 0;
    for (const c of cases) {
      expectScanAsFixture(c);
      roles += c.persons.filter((p) => p[1] !== null).length;
    }
    // Roles of one, two and three words, after numbers and marks, occur: the comparison reads them.
    expect(roles).toBeGreaterThan(200);
  });

  it('GIVEN role words before a name across a slash, a bar, a number, a mark or a name THEN only the words since the last word that stops the reading count', () => {
    const paras = [
      'Talks with analyst/senior economist Jo Varek ended.',
      'The chief|deputy minister Al Vasuro spoke, then 3rd senior analyst Mary Tessarin and (senior analyst Bo Hale.',
      'A senior, political analyst Ed Marr and Smith chief economist Li Wen, and chief executive officer’s deputy Ana Dorn.',
    ];
    const people = new People(paras, paragraphBases(paras), () => false);
    // main's readings: "analyst/" ends in a slash and "senior," in a comma (both stop the reading), "3rd" counts as a
    // word, "(senior" counts from its letters, "Smith" (a name word) and "officer’s" (a possessive) stop it.
    expect([...people.persons.values()].map((p) => [p.name, p.role]).sort()).toEqual([
      ['Al Vasuro', 'deputy minister'],
      ['Ana Dorn', 'deputy'],
      ['Bo Hale', 'senior analyst'],
      ['Ed Marr', 'political analyst'],
      ['Jo Varek', 'senior economist'],
      ['Li Wen', 'chief economist'],
      ['Mary Tessarin', 'senior analyst'],
    ]);
  });

  it('GIVEN seeded random articles naming people who share surnames and first names THEN byShortName picks as the closure form did: a surname before a first name of a longer name, the latest named at or before the point, else the earliest after it (session 28)', () => {
    // The form byShortName had before session 28, over the article's persons in the order they were added.
    function byShortNameBefore(persons: readonly Person[], word: string, pos: number): Person | undefined {
      let best: Person | undefined;
      let bestScore = -Infinity;
      const consider = (list: readonly Person[], score: number): void => {
        for (let c = 0; c < list.length && c < 50; c++) {
          const p = list[c];
          if (!p || (score === 1 && p.folded.length < 2)) continue;
          const s = score * 1e12 + (p.firstAt <= pos ? p.firstAt : -p.firstAt);
          if (s > bestScore) {
            bestScore = s;
            best = p;
          }
        }
      };
      consider(persons.filter((p) => p.folded[p.folded.length - 1] === word), 2);
      consider(persons.filter((p) => p.folded[0] === word), 1);
      return best;
    }
    const next = seeded(2828);
    const firsts = ['Jo', 'Ana', 'Li', 'Bo', 'Varek', 'Hale'];
    const lasts = ['Varek', 'Hale', 'Marr', 'Jo', 'Dorn'];
    let found = 0;
    let byFirstName = 0;
    for (let n = 0; n < 300; n++) {
      const paras = Array.from({ length: 1 + next(3) }, () =>
        Array.from({ length: 1 + next(5) }, () => (next(3) === 0 ? `Mr ${pick(next, lasts)} said.` : `${pick(next, firsts)} ${pick(next, lasts)} spoke.`)).join(' '),
      );
      const bases = paragraphBases(paras);
      const people = new People(paras, bases, () => false);
      const persons = [...people.persons.values()];
      const end = (bases[bases.length - 1] ?? 0) + (paras[paras.length - 1]?.length ?? 0);
      for (const word of [...firsts, ...lasts].map((w) => w.toLowerCase())) {
        for (const pos of [0, Math.round(end / 3), Math.round(end / 2), end]) {
          const got = people.byShortName(word, pos);
          expect(got, `${word} at ${pos} in ${JSON.stringify(paras)}`).toBe(byShortNameBefore(persons, word, pos));
          if (got) found++;
          if (got && got.folded[got.folded.length - 1] !== word) byFirstName++;
        }
      }
    }
    // Both lists decide often: the comparison is not between empty answers.
    expect(found).toBeGreaterThan(3000);
    expect(byFirstName).toBeGreaterThan(300);
  });

  it('GIVEN one-word places after a title, a personal title, an appositive or nothing THEN the persons and organisations are main\'s (a place read once for both passes, session 28)', () => {
    const paras = [
      'Treasury Japan said on Monday it would act. Brazil said exports rose.',
      'Mr Jordan said the plan would work, and Senator Washington agreed.',
      'Jordan, a resident of Lampung, said it was hard. Chairman Britain spoke.',
      'Washington said later that Georgia, 34, had left. Reuters said so.',
    ];
    const people = new People(paras, paragraphBases(paras), () => false);
    // main 1f72d19's readings: "Brazil" opening a clause is a place, neither a person nor an organisation.
    expect([...people.persons.values()].map((p) => [p.name, p.evidence, p.firstAt])).toEqual([
      ['Treasury Japan', 1, 0],
      ['Jordan', 5, 71],
      ['Washington', 5, 111],
      ['Britain', 2, 188],
      ['Georgia', 1, 240],
    ]);
    expect(people.mentions.map((m) => [m.pos, m.person.name])).toEqual([
      [0, 'Treasury Japan'],
      [71, 'Jordan'],
      [111, 'Washington'],
      [139, 'Jordan'],
      [188, 'Britain'],
      [213, 'Washington'],
      [240, 'Georgia'],
    ]);
    expect([60, 130, 200, 270].map((pos) => people.orgBefore(pos, 400) ?? null)).toEqual([null, null, null, 'Reuters']);
  });

  it('GIVEN three role words before a name, after plain words and numbers THEN all three are the role (the scan keeps the last three words)', () => {
    const paras = ['He met the senior political analyst James Varek on Monday, and 1987 senior political analyst Jane Doe.', 'Talks with senior economist x1 sales chief executive officer Mary Ann Smith ended.'];
    const people = new People(paras, paragraphBases(paras), () => false);
    expect([...people.persons.values()].map((p) => [p.name, p.role])).toEqual([
      ['Mary Ann Smith', 'chief executive officer'],
      ['James Varek', 'senior political analyst'],
      ['Jane Doe', 'senior political analyst'],
    ]);
  });
});

