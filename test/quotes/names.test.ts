import { describe, expect, it } from 'vitest';
import { displayCase, foldName, looksLikePersonName, splitTitle } from '../../src/quotes/names.js';
import { readMention, subjectAfter, subjectBefore } from '../../src/quotes/phrase.js';

describe('foldName', () => {
  it('GIVEN case, accents and punctuation variants THEN one key', () => {
    expect(new Set(['De Vasuro', 'de Vasuro', 'DE VASURO', 'de  Vasuro.'].map(foldName))).toEqual(new Set(['de vasuro']));
    expect(foldName('Zoë O’Neill-Dubé')).toBe('zoe oneill dube');
  });
});

describe('displayCase', () => {
  it('GIVEN a name in capitals THEN capitalised words, particles in lower case', () => {
    expect(displayCase('HENRY LUDERO')).toBe('Henry Ludero');
    expect(displayCase('BILL DE VASURO')).toBe('Bill de Vasuro');
    expect(displayCase('MARY O’NEILL-SMITH')).toBe('Mary O’Neill-Smith');
  });

  it('GIVEN a mixed-case or caseless name THEN it is kept as written', () => {
    expect(displayCase('Kiichi Miyazawa')).toBe('Kiichi Miyazawa');
    expect(displayCase('李伟')).toBe('李伟');
  });
});

describe('splitTitle', () => {
  it('GIVEN titles and acronyms before a name THEN they are split off', () => {
    expect(splitTitle(['Acting', 'ICE', 'Director', 'Matthew', 'Olbrect'])).toEqual({ title: ['Acting', 'ICE', 'Director'], name: ['Matthew', 'Olbrect'] });
    expect(splitTitle(['Mayor', 'Bill', 'de', 'Vasuro'])).toEqual({ title: ['Mayor'], name: ['Bill', 'de', 'Vasuro'] });
    expect(splitTitle(['Belgian', 'Willy', 'de', 'Clercq'])).toEqual({ title: ['Belgian'], name: ['Willy', 'de', 'Clercq'] });
  });

  it('GIVEN a name in capitals THEN it is not taken for acronyms', () => {
    expect(splitTitle(['HENRY', 'LUDERO'])).toEqual({ title: [], name: ['HENRY', 'LUDERO'] });
  });
});

describe('looksLikePersonName', () => {
  it('GIVEN names and non-names THEN tells them apart', () => {
    expect(looksLikePersonName(['Freddi', 'Goldmeyer'])).toBe(true);
    expect(looksLikePersonName(['Ben', 'van', 'der', 'Pluijm'])).toBe(true);
    expect(looksLikePersonName(['Nova', 'Scotia', 'Health', 'Authority'])).toBe(false);
    expect(looksLikePersonName(['CHINA', 'LIKELY', 'TO', 'JOIN', 'GATT'])).toBe(false);
  });
});

describe('readMention', () => {
  const mention = (before: string) => {
    const p = subjectBefore(before);
    return p ? readMention(p) : null;
  };

  it('GIVEN "spokeswoman Freddi Goldmeyer" THEN the name and the role', () => {
    expect(mention('New York City will not change, spokeswoman Freddi Goldmeyer ')).toMatchObject({ kind: 'name', name: ['Freddi', 'Goldmeyer'], role: 'spokeswoman' });
  });

  it('GIVEN "Henry Ludero, a senior US official," THEN the appositive is the role', () => {
    expect(mention('Henry Ludero, a senior US official, ')).toMatchObject({ kind: 'name', name: ['Henry', 'Ludero'], role: 'senior US official' });
  });

  it('GIVEN "City officials in Denver" THEN a group, not "Denver"', () => {
    expect(mention('City officials in Denver ')).toEqual({ kind: 'group', text: 'City officials in Denver', role: null });
  });

  it('GIVEN a pronoun THEN a pronoun', () => {
    expect(mention('When asked, he ')).toEqual({ kind: 'pronoun', pronoun: 'he' });
  });

  it('GIVEN "said X, title at Y, in a letter" THEN X with the title as role', () => {
    const p = subjectAfter(' Chad Sublet, senior counsel at the Denver Ministry of Security, in a letter');
    expect(p && readMention(p)).toMatchObject({ kind: 'name', name: ['Chad', 'Sublet'], role: 'senior counsel at the Denver Ministry of Security' });
  });
});
