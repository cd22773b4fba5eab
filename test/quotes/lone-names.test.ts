import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { lonePersonSign, usedAsPlace } from '../../src/quotes/lone-names.js';
import { People, paragraphBases } from '../../src/quotes/people.js';
import { featuresOf, type Feature } from '../../src/quotes/ranker.js';
import { speakerOf } from './speaker-of.js';

const peopleOf = (paragraphs: string[]): People => new People(paragraphs, paragraphBases(paragraphs), () => false);

/** The candidates carrying `feature` for the quotes starting with `start` (every quote when ''). */
function candidatesWith(text: string[], feature: Feature, start = ''): Array<string | null> {
  const out: Array<string | null> = [];
  attributeArticle(text, {
    observe: (q, candidates) => {
      if (q.text.startsWith(start)) for (const c of candidates) if (featuresOf(c.vector)[feature]) out.push(c.speaker);
    },
  });
  return out;
}

describe('a person named by one word only', () => {
  it('GIVEN "Yuni, a resident of Lampung," THEN Yuni is a person, and "she said" after her is hers', () => {
    const text = [
      'Yuni, a resident of Lampung in Sumatra, was watching television at home when she heard the water coming.',
      '“I heard a rumbling sound and I thought it was the wind,” she said.',
    ];
    expect(peopleOf(text).persons.get('yuni')?.name).toBe('Yuni');
    expect(speakerOf(text, 'I heard a rumbling')).toBe('Yuni');
  });

  it('GIVEN "interior designer Demi" THEN Demi is a person wherever the article names her', () => {
    const people = peopleOf(['Stylist Tracy felt ill because interior designer Demi touched the rose.', 'Later Demi apologized to her face.']);
    const demi = people.persons.get('demi');
    expect(demi).toBeDefined();
    expect(people.mentions.filter((m) => m.person === demi)).toHaveLength(2);
  });

  it('GIVEN "a nonexistent Metrolinx study" (an adjective before the name) and "Metrolinx says" THEN Metrolinx is no person', () => {
    expect(peopleOf(['Citing a nonexistent Metrolinx study, the mayor spoke.', 'Metrolinx says costs are lower.']).persons.has('metrolinx')).toBe(false);
  });

  it('GIVEN a word that only speaks or acts ("Britain says", "in government Britain suffered") THEN it is no person, though the name lists hold it', () => {
    expect(lonePersonSign('', ' says the plan will work.')).toBe(false);
    expect(peopleOf(['Britain says the plan will work. In government Britain suffered mass unemployment.']).persons.has('britain')).toBe(false);
    expect(lonePersonSign('designer', ' touched the rose.')).toBe(true);
  });

  it('GIVEN a country the name lists also hold ("Jordan said" and "in Jordan") THEN it is no person', () => {
    const text = ['Jordan said it would host the talks. Delegates arrive in Jordan on Monday.'];
    expect(usedAsPlace('Jordan', text)).toBe(true);
    expect(peopleOf(text).persons.has('jordan')).toBe(false);
  });

  it('GIVEN "the Japanese, who …" or "the Dutch, who …" THEN the word is no person', () => {
    const people = peopleOf(['The Japanese, who import most of it, said prices would rise. The Hague, which hosts the court, agreed.']);
    expect(people.persons.has('japanese')).toBe(false);
    expect(people.persons.has('hague')).toBe(false);
  });

  it('GIVEN an appositive that names a thing ("Apple, the firm,") THEN the word is no person', () => {
    expect(lonePersonSign('', ', the firm, said')).toBe(false);
    expect(lonePersonSign('', ', a maker of phones, said')).toBe(false);
    expect(lonePersonSign('', ', 23, said')).toBe(true);
    expect(lonePersonSign('', ', who is 23, said')).toBe(true);
  });
});

describe('words that do not act', () => {
  it('GIVEN "$24.1 million US this season" THEN "US" is no organisation that "the team" could mean', () => {
    const text = ['He is slated to make $24.1 million US this season.', 'The team posted a photo of him with two words: "I\'m back."'];
    const people = peopleOf(text);
    expect(people.orgBefore(200, 1000)).toBeUndefined();
    expect(speakerOf(text, "I'm back")).not.toBe('US');
  });

  it('GIVEN an acronym that acts ("The NTSB says") THEN it is still an organisation; a country\'s ("The US says") is a place, no organisation (session 19)', () => {
    expect(peopleOf(['The NTSB says the deal is off.']).orgBefore(100, 1000)).toBe('NTSB');
    // "the trade group said" after "U.S. industries …" meant the group, not the country (r21578-09657).
    expect(peopleOf(['The US says the deal is off.']).orgBefore(100, 1000)).toBeUndefined();
  });
});

describe('a description and the person it may mean are read at the same place', () => {
  it('GIVEN "says the 39-year-old founder" after a sentence naming the founder and, last, someone else THEN both are readings of the description', () => {
    const text = [
      'Ana Ruiz runs the shop. Ana Ruiz opened it last year.',
      'I mean Ana Ruiz, who like Pedro Marquez was born in Mexico. “We sell only local comics,” says the 39-year-old founder of Studio Press.',
    ];
    const readings = candidatesWith(text, 'via_desc_referent', 'We sell');
    expect(readings.sort()).toEqual(['Ana Ruiz', 'Pedro Marquez']);
  });

  it('GIVEN a quote closed by a doubled apostrophe (“…,’’ says X) THEN the attribution after it is read', () => {
    const text = ['“We sell only local comics,’’ says Ana Ruiz.'];
    const slots = candidatesWith(text, 'slot_tail');
    expect(slots).toEqual(['Ana Ruiz']);
  });

  it('GIVEN "the Kentucky Republican said" after the senator is named THEN the senator reading is as near the quote as the description', () => {
    const text = [
      'Senator Ada Birch of Kentucky spoke to the students on Monday.',
      '“Nobody has been treated more unfairly than these young people,” the Kentucky Republican said.',
    ];
    const seen: Array<{ speaker: string | null; near: number | undefined }> = [];
    attributeArticle(text, {
      observe: (q, candidates) => {
        for (const c of candidates) if (c.speaker === 'Ada Birch' || c.speaker === 'the Kentucky Republican') seen.push({ speaker: c.speaker, near: featuresOf(c.vector).near_sentence });
      },
    });
    expect(seen).toEqual([
      { speaker: 'Ada Birch', near: 1 },
      { speaker: 'the Kentucky Republican', near: 1 },
    ]);
  });
});

describe('a name and a group noun open a sentence', () => {
  it('GIVEN "Hampton staff explained …:" THEN the sentence subject is the group, not a person whose name ends in Hampton', () => {
    const text = ['Safe Hampton, a slate of candidates, met on Monday. “We want more ice,” said Cora Lind.', 'Hampton staff explained the numbers this way: “There are many reasons the numbers appear low.”'];
    const subjects = candidatesWith(text, 'sentence_subject', 'There are many');
    expect(subjects).toEqual(['Hampton staff']);
  });
});

describe('who hears a quote does not say it', () => {
  it('GIVEN "Ann Lee turned and said to Bob Hart, “…”" THEN Bob Hart is no speaker', () => {
    const text = ['Ann Lee turned and said to Bob Hart, “You should look into it.”'];
    const slots = candidatesWith(text, 'slot_pre');
    expect(slots).not.toContain('Bob Hart');
    expect(speakerOf(text, 'You should look')).toBe('Ann Lee');
  });
});

describe('appositives with modifiers, and places that open a sentence', () => {
  it('GIVEN "Kiri, the lanky bespectacled professor," and "a local resident," THEN the head noun after the modifiers decides', () => {
    expect(lonePersonSign('', ', the lanky bespectacled professor, runs the lab.')).toBe(true);
    expect(lonePersonSign('', ', a local resident, said')).toBe(true);
    expect(lonePersonSign('', ', a mother of twins, said')).toBe(true);
    expect(lonePersonSign('', ', the quarterly company report, said')).toBe(false);
    const text = ['Kiri, the lanky bespectacled professor, runs the lab on the top floor.', '“We never stop testing,” she said.'];
    expect(speakerOf(text, 'We never stop')).toBe('Kiri');
  });

  it('GIVEN "In Jordan, …" at a sentence start THEN Jordan is used as a place; "McJordan" is another word', () => {
    expect(usedAsPlace('Jordan', ['In Jordan, officials met on Monday.'])).toBe(true);
    expect(usedAsPlace('Jordan', ['The visit went to McJordan first.'])).toBe(false);
    expect(usedAsPlace('Jordan', ['Aid workers in Jordanian camps waited.'])).toBe(false);
  });
});
