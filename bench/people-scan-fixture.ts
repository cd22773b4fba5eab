// Writes the fixture test/quotes/people-scan.test.ts compares the name scan against: seeded random
// articles made of the words, marks and blanks the scan treats specially (particles, roles, numbers,
// slashes, apostrophes, astral letters, all-caps lines, datelines), with what `new People(…)` finds
// in them (persons, mentions, organisations). Written from main's code before a cost-only change,
// so that the change can be shown to find the same; regenerate only when the scan is meant to change.
//
//   npx tsx bench/people-scan-fixture.ts OUT.json [roles]
//
// With `roles` (session 28, for the role words read back from a name): another seed and a vocabulary
// of role words ("senior political analyst"), words glued by slashes and bars, opening marks,
// numbers, possessives and punctuation right before names, so that every way a word before a name
// counts or stops the reading occurs often.

import { writeFileSync } from 'node:fs';
import { People, paragraphBases } from '../src/quotes/people.js';

const out = process.argv[2];
const roleMode = process.argv[3] === 'roles';
if (!out || (process.argv[3] !== undefined && !roleMode)) {
  console.error('usage: npx tsx bench/people-scan-fixture.ts OUT.json [roles]');
  process.exit(1);
}

const WORDS = [
  'said', 'says', 'told', 'the', 'of', 'of the', 'a', 'an', 'and', 'and/or', 'a/b', 'x|y', 'in', 'de', 'van', 'der', 'al', 'st', 'according to', 'spokeswoman',
  'chairman', 'economist', 'analyst', 'protested', 'declined', 'has', 'would', 'also', '3.5', '1987', '1987/88', '42nd', '10%', 'mln', 'dlrs', 'year.', 'week,',
  'Reuters', 'Mr', 'Mrs.', 'James', 'Varek', 'Bill', 'Vasuro', 'De', 'U.S.', 'ST.', 'NASA', "O'Neill", 'O’Neill’s', 'Jean-Pierre', 'Tessarin', 'Zoë', 'Ünal', '𝐀𝐁𝐂',
  'Treasury', 'Secretary', 'President', 'Reyvan', 'The', 'But', 'However,', 'Last', 'Monday', 'On', 'In', 'New', 'Yorker', 'Goalkeeper', 'Knowing', 'Bank', 'Japan',
  'Corp', 'Downing', 'St', 'Britain', 'He', 'She', 'Smith,', 'Jones.', '"Yes,"', '“No.”', '(', ')', ':', '—', '-', ',', '.', "'", 'é', 'naïve',
];
const ROLE_WORDS = [
  'senior', 'political', 'analyst', 'chief', 'executive', 'officer', 'spokeswoman', 'spokesman', 'economist', 'minister', 'deputy', 'foreign',
  'coach', 'designer', 'interior', 'said', 'the', 'a', 'and', 'of', 'de', 'van', '1987', '3rd', '10,', 'analyst,', 'analyst.', 'analysts', 'x1',
  '(senior', '“chief', '"analyst', "analyst's", 'analyst’s', 'officer/analyst', 'chief|', '/', '|', '—', '-', '(', 'Chief', 'Senior', 'He', 'she',
  'James', 'Varek', 'Mary', 'Ann', 'Tessarin', 'Vasuro', "O'Neill", 'Jean-Pierre', 'Zoë', 'U.S.', 'Smith,', 'The', 'But', 'Mr', 'Treasury', 'Secretary',
  'NASA', '𝐀𝐁𝐂', 'é', 'naïve', 'Jones.', 'st', 'St.',
];
const BLANKS = [' ', ' ', ' ', '  ', '\u00a0', '\t', '\n', '\u2009'];

/** A small seeded generator, so that the fixture is the same each time it is written. */
function seeded(seed: number): (k: number) => number {
  let s = seed;
  return (k) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
}
const next = seeded(roleMode ? 2828 : 41);
const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)] as T;

function paragraph(): string {
  const kind = next(10);
  if (kind === 0) return Array.from({ length: 3 + next(5) }, () => pick(['SMITH', 'REGRETS', 'VOLMARK', 'U.S.', 'TO', 'JOIN', 'GATT'])).join(' ');
  const words: string[] = [];
  if (kind === 1) words.push(`${pick(['WASHINGTON', 'NEW YORK', 'PARIS'])}, ${pick(['March', 'Feb'])} ${1 + next(28)} -`);
  // (In `roles` mode a word is now and then glued to the next one: "analyst/James", "chief|Mary".)
  for (let n = 0, len = 4 + next(40); n < len; n++) words.push(pick(roleMode ? ROLE_WORDS : WORDS), roleMode && next(8) === 0 ? pick(['/', '|', '']) : pick(BLANKS));
  return words.join('');
}

const cases = Array.from({ length: 120 }, () => {
  const paragraphs = Array.from({ length: 1 + next(5) }, paragraph);
  const bases = paragraphBases(paragraphs);
  // Every tenth character lies inside a quotation: mentions there are marked quoted.
  const people = new People(paragraphs, bases, (pos) => pos % 10 === 0);
  const end = (bases[bases.length - 1] ?? 0) + (paragraphs[paragraphs.length - 1]?.length ?? 0);
  const probes = [0.25, 0.5, 0.75, 1].map((f) => Math.round(end * f));
  return {
    paragraphs,
    persons: [...people.persons.values()].map((p) => [p.name, p.role, p.gender, p.evidence, p.firstAt, p.group]),
    mentions: people.mentions.map((m) => [m.pos, m.person.name, m.subject, m.quoted]),
    orgs: probes.map((pos) => [people.orgBefore(pos, 400) ?? null, people.orgBefore(pos, 400, true) ?? null]),
  };
});
writeFileSync(out, `${JSON.stringify(cases)}\n`);
console.log(`${cases.length} articles, ${cases.reduce((n, c) => n + c.mentions.length, 0)} mentions -> ${out}`);
