// The name helpers that now build their lists by pushing (so that V8 meets one element kind at the
// name scan's hot sites) give what the map/filter forms gave, on crafted and random runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikePersonName, nameFlags, runFlags, splitTitle } from '../../src/quotes/names.js';
import { People, paragraphBases } from '../../src/quotes/people.js';
import { readMention } from '../../src/quotes/phrase.js';

const WORDS = ['Mr', 'Dr.', 'President', 'Acting', 'ICE', 'Director', 'Matthew', 'Olbrect', 'de', 'Vasuro', 'Bill', 'St.', 'Vermain', 'Fernand', 'HENRY', 'LUDERO', 'Bank', 'of', 'Japan', 'The', 'But', 'Belgian', 'Willy', 'Clercq', "Varek's", 'U.S.', 'Treasury', 'Monday', 'ex-Minister', '1987', 'Nasa', 'NASA', 'Ab', 'X', ''];
const run = fc.array(fc.constantFrom(...WORDS), { maxLength: 7 });

describe('name lists built by pushing', () => {
  it('runFlags reads each word as nameFlags does', () => {
    fc.assert(
      fc.property(run, (ws) => {
        expect(runFlags(ws)).toEqual(ws.map((w) => nameFlags(w)));
      }),
    );
  });

  it('splitTitle and looksLikePersonName answer as before on fixed runs', () => {
    const cases: Array<[string[], string[], string[], boolean]> = [
      [['Acting', 'ICE', 'Director', 'Matthew', 'Olbrect'], ['Acting', 'ICE', 'Director'], ['Matthew', 'Olbrect'], false],
      [['Fernand', 'St.', 'Vermain'], [], ['Fernand', 'St.', 'Vermain'], true],
      [['HENRY', 'LUDERO'], [], ['HENRY', 'LUDERO'], true],
      [['Belgian', 'Willy', 'de', 'Clercq'], ['Belgian'], ['Willy', 'de', 'Clercq'], true],
      [["Varek's", 'Treasury'], ["Varek's"], ['Treasury'], true],
      [['Bank', 'of', 'Japan'], ['Bank'], ['of', 'Japan'], false],
      [[], [], [], false],
    ];
    for (const [run, title, name, person] of cases) {
      expect(splitTitle(run), run.join(' ')).toEqual({ title, name });
      expect(looksLikePersonName(run), run.join(' ')).toBe(person);
    }
  });

  it('takes the role words that open a run as its lead: a gender word there is the person\'s gender', () => {
    const paragraphs = ['Grandfather John Smith said the boat was lost.'];
    const people = new People(paragraphs, paragraphBases(paragraphs), () => false);
    expect([...people.persons.values()].map((p) => [p.name, p.gender, p.firstAt, p.evidence])).toEqual([['John Smith', 'm', 12, 2]]);
  });

  it('keeps roles, role-opened runs and lone names in the name scan', () => {
    const paragraphs = [
      'Goalkeeper Marek Dvorsky kept his place, and spokeswoman Freddi Goldmeyer said the club agreed.',
      '“We are ready,” said Mr Brant, the prime minister.',
      'Yuni, a resident of Lampung, said: “The water came fast.”',
    ];
    const bases = paragraphBases(paragraphs);
    const people = new People(paragraphs, bases, () => false);
    const byName = new Map([...people.persons.values()].map((p) => [p.name, p]));
    // The capitalised role opening the run is cut off: the name starts at "Marek", and the role word counts as evidence.
    expect(byName.get('Marek Dvorsky')).toMatchObject({ firstAt: (paragraphs[0] ?? '').indexOf('Marek'), evidence: 1 });
    expect(byName.get('Freddi Goldmeyer')?.role).toBe('spokeswoman');
    expect(byName.get('Yuni')?.key).toBe('yuni');
    expect(byName.get('Brant')?.gender).toBe('m');
    // A person named as a speaker later folds the same way as one the scan found.
    expect(people.personFor(['Freddi', 'Goldmeyer'], 500)).toBe(byName.get('Freddi Goldmeyer'));
  });

  it('reads a mention role from the lead and the title, without honorifics or trailing marks', () => {
    expect(readMention({ words: ['spokeswoman,', 'Mr', 'Freddi', 'Goldmeyer'], appositive: null })).toMatchObject({ kind: 'name', name: ['Freddi', 'Goldmeyer'] });
    expect(readMention({ words: ['Acting', 'ICE', 'Director', 'Matthew', 'Olbrect'], appositive: 'a senior official' })).toMatchObject({
      kind: 'name',
      name: ['Matthew', 'Olbrect'],
      role: 'Acting ICE Director, senior official',
    });
  });
});
