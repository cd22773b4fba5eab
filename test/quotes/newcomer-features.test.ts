import { describe, expect, it } from 'vitest';
import type { Gender } from '../../src/quotes/names.js';
import { newcomerBefore, NEWCOMER_REACH, slotGenderClash } from '../../src/quotes/newcomer-features.js';
import type { Person, PersonMention } from '../../src/quotes/people.js';
import { candidatesByQuote } from './speaker-of.js';

const person = (name: string, gender: Gender = null): Person => ({ key: name.toLowerCase(), name, folded: name.toLowerCase().split(' '), gender, role: null, evidence: 1, group: false, firstAt: 0 });
const mention = (p: Person, pos: number): PersonMention => ({ pos, person: p, quoted: false, subject: false });
const genderOf = (p: Person): Gender => p.gender;

describe('newcomerBefore', () => {
  const tam = person('Tam Ostrow', 'm');
  const piotr = person('Piotr Halvik');
  const narration = 'Cycling also helped city accountant Piotr Halvik, 51. ';
  const at = 100;
  const piotrAt = at + narration.indexOf('Piotr');

  it('GIVEN narration since the last quote that names one new person THEN that person is the newcomer', () => {
    expect(newcomerBefore([mention(piotr, piotrAt)], narration, at, tam, 'm', genderOf)).toBe(piotr);
  });

  it('GIVEN the last speaker named again, or a he before the new person THEN no newcomer', () => {
    const again = 'Tam Ostrow thanked Piotr Halvik. ';
    expect(newcomerBefore([mention(tam, at), mention(piotr, at + 19)], again, at, tam, 'm', genderOf)).toBeNull();
    const pronounFirst = 'He thanked Piotr Halvik, 51. ';
    expect(newcomerBefore([mention(piotr, at + 11)], pronounFirst, at, tam, 'm', genderOf)).toBeNull();
    // A "her" is no "he": the he-slot's newcomer stands.
    const herFirst = 'Her gym also helped Piotr Halvik, 51. ';
    expect(newcomerBefore([mention(piotr, at + 20)], herFirst, at, tam, 'm', genderOf)).toBe(piotr);
  });

  it('GIVEN a newcomer of the other gender, nobody named, or a stretch past the reach THEN no newcomer', () => {
    const ann = person('Ann Pell', 'f');
    expect(newcomerBefore([mention(ann, at + 4)], 'For Ann Pell, it was hard. ', at, tam, 'm', genderOf)).toBeNull();
    expect(newcomerBefore([], 'It was a long winter. ', at, tam, 'm', genderOf)).toBeNull();
    const long = `${'x'.repeat(NEWCOMER_REACH)} Piotr Halvik. `;
    expect(newcomerBefore([mention(piotr, at + NEWCOMER_REACH + 1)], long, at, tam, 'm', genderOf)).toBeNull();
  });

  it('GIVEN mentions outside the stretch THEN they are not read', () => {
    expect(newcomerBefore([mention(tam, at - 40), mention(piotr, piotrAt)], narration, at, tam, 'm', genderOf)).toBe(piotr);
  });
});

describe('slotGenderClash', () => {
  it('GIVEN a he slot THEN only a woman clashes; an unknown gender never does', () => {
    expect(slotGenderClash('m', 'f')).toBe(true);
    expect(slotGenderClash('m', 'm')).toBe(false);
    expect(slotGenderClash('f', null)).toBe(false);
  });
});

describe('the features in attribution', () => {
  // A long feature paragraph: one man speaks, then the narration brings in another man, whose "he says" follows.
  const story = [
    'Cycling clubs are growing in Port Velden.',
    '“I ride every morning,” says retired teacher Tam Ostrow. “It changed my life,” he adds. Cycling also helped city accountant Piotr Halvik, 51. “I sleep better now,” he says.',
  ];

  it('GIVEN "… accountant Piotr Halvik, 51. “…,” he says" after another man\'s quotes THEN Halvik is the newcomer, Ostrow not', () => {
    const byQuote = candidatesByQuote(story);
    const sleep = byQuote.get('I sleep better now');
    expect(sleep?.get('Piotr Halvik')?.pronoun_newcomer).toBe(1);
    expect(sleep?.get('Tam Ostrow')?.pronoun_newcomer).toBeUndefined();
    // The earlier "he adds" follows only Ostrow's own words: no newcomer.
    const changed = byQuote.get('It changed my life');
    expect([...(changed?.values() ?? [])].some((f) => f.pronoun_newcomer)).toBe(false);
  });

  it('GIVEN "“…,” he said" after a woman spoke THEN she clashes with the slot', () => {
    const scene = ['Ms Greta Lind met Jon Vasko at the station.', '“I have missed you,” Greta Lind told him. “I love you too,” he said later.'];
    const love = candidatesByQuote(scene).get('I love you too');
    expect(love?.get('Greta Lind')?.slot_gender_clash).toBe(1);
    expect(love?.get('Jon Vasko')?.slot_gender_clash).toBeUndefined();
  });
});
