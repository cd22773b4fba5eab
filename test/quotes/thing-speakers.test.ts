// Only people and organisations speak (issue 10): the signs that a name the name scan found is a
// thing's (an event, a place, a product, a common word opening a sentence), "he" read as such a
// name, a description whose capitalised word is a place ("the Galway man"), names and slots read
// anew, and that the person-likeness of a name does not depend on the order quotes are read in. Each test reads what the model is given (observe) or what a reading
// returns, so each fails when its evidence is not computed.
import { describe, expect, it } from 'vitest';
import { People, paragraphBases } from '../../src/quotes/people.js';
import { opensWithRole, readMention, roleWordsOpening, subjectAfter, subjectBefore } from '../../src/quotes/phrase.js';
import { thingSigns } from '../../src/quotes/thing-names.js';
import { featuresAt, speakerOf } from './speaker-of.js';

describe('signs that a name is a thing', () => {
  it('GIVEN "in the Halvorsen Premiership" near a quote THEN that name carries the_name and thing_head, the player neither', () => {
    const text = [
      'Winger Tomas Brekke returned for Bergen in the Halvorsen Premiership on Sunday after three months out. “It felt like my first game all over again,” he said.',
    ];
    const fs = featuresAt(text, 'It felt like');
    const league = fs.get('Halvorsen Premiership');
    expect(league?.the_name).toBe(1);
    expect(league?.thing_head).toBe(1);
    const player = fs.get('Tomas Brekke');
    expect(player?.the_name).toBeUndefined();
    expect(player?.thing_head).toBeUndefined();
  });

  it('GIVEN a name the article also uses as a place ("in Kilbrannan") THEN used_as_place is set on it', () => {
    const text = [
      'Ferry workers in Kilbrannan voted to strike on Monday.',
      'Union organiser Dervla Ostrowe said the vote was clear. “Nobody wanted this, but the offer was an insult,” she said.',
    ];
    const fs = featuresAt(text, 'Nobody wanted');
    expect(fs.get('Dervla Ostrowe')?.used_as_place).toBeUndefined();
    const people = new People(text, paragraphBases(text), () => false);
    const town = people.personFor(['Kilbrannan'], 0);
    expect(thingSigns(people, text, paragraphBases(text))(town).place).toBe(true);
  });

  it('GIVEN a one-word name the article also writes in lower case THEN lowerElsewhere; a surname never written so THEN not', () => {
    const text = ['Fears of a slowdown grew on Monday, and the fears spread to bond markets.', 'Analyst Priya Vantongeren said demand was weak.'];
    const bases = paragraphBases(text);
    const people = new People(text, bases, () => false);
    const signs = thingSigns(people, text, bases);
    expect(signs(people.personFor(['Fears'], 0)).lowerElsewhere).toBe(true);
    expect(signs(people.personFor(['Vantongeren'], bases[1] ?? 0)).lowerElsewhere).toBe(false);
  });

  it('GIVEN "he" whose readings include a name with no sign of a person THEN that reading is marked pronoun_no_person, the man with a first name is not', () => {
    const text = ['Vitkovice Borova said on Monday it would appeal the ban on Peter Dvorsky. “We defended as a team from the first minute,” he said.'];
    const fs = featuresAt(text, 'We defended');
    const club = fs.get('Vitkovice Borova');
    expect((club?.via_pronoun_1 ?? 0) + (club?.via_pronoun_2 ?? 0)).toBe(1);
    expect(club?.pronoun_no_person).toBe(1);
    const player = fs.get('Peter Dvorsky');
    expect((player?.via_pronoun_1 ?? 0) + (player?.via_pronoun_2 ?? 0) + (player?.via_pronoun_prev ?? 0)).toBeGreaterThan(0);
    expect(player?.pronoun_no_person).toBeUndefined();
  });
});

describe('a closing quote mark after a name is no possessive', () => {
  it('GIVEN "the crowd sang ‘Walk on, David Okoro’ as …" THEN Okoro is the person that sentence introduces; "David Okoro’s boots" THEN not', () => {
    const sung = featuresAt(['After the match the crowd sang ‘Walk on, David Okoro’ as the team left. “The supporters were magnificent tonight,” he said.'], 'The supporters');
    expect(sung.get('David Okoro')?.prev_sent_person).toBe(1);
    const owned = featuresAt(['After the match the crowd cheered David Okoro’s boots as the team left. “The supporters were magnificent tonight,” he said.'], 'The supporters');
    expect(owned.get('David Okoro')?.prev_sent_person).toBeUndefined();
  });
});

describe('a description whose capitalised word is a place or a club', () => {
  it('GIVEN "says the Galway man" THEN a description, not a person called Galway', () => {
    const p = subjectAfter(' the Galway man. Later that week');
    expect(p && readMention(p)).toMatchObject({ kind: 'group', text: 'the Galway man' });
    const text = [
      'Siobhan Keady has not walked without pain since the crash.',
      '“Every morning I wonder whether today will be the day it stops,” says the Galway man.',
    ];
    expect(speakerOf(text, 'Every morning')).not.toBe('Galway');
  });

  it('GIVEN "said Edwin Galway" THEN still the person (a lower-case noun after the name is what makes a description)', () => {
    const p = subjectAfter(' Edwin Galway. Later that week');
    expect(p && readMention(p)).toMatchObject({ kind: 'name', name: ['Edwin', 'Galway'] });
  });
});

describe('person-likeness is the text’s, not an earlier choice’s', () => {
  it('GIVEN "he" given to a name with no first name, role or title THEN a later quote still sees no sign of a person in it', () => {
    const text = [
      'Quarvex Dunmoreland said the meeting would be short. “We are here to talk about the budget,” he said.',
      'The meeting went on for hours. “I will not sign anything today,” said Quarvex Dunmoreland.',
    ];
    const fs = featuresAt(text, 'I will not sign');
    expect(fs.get('Quarvex Dunmoreland')?.no_person_sign).toBe(1);
  });
});

describe('a role capitalised because it opens the sentence', () => {
  it('GIVEN "Goalkeeper Marek Dvorsky kept …" and "Fly-half Tomas Brekke" THEN the speakers are Marek Dvorsky and Tomas Brekke', () => {
    const text = [
      'Goalkeeper Marek Dvorsky kept a clean sheet on Sunday. “We defended as a team from the first minute,” he said.',
      'Fly-half Tomas Brekke kicked four penalties. “The wind made every kick a lottery,” said Fly-half Tomas Brekke.',
    ];
    expect(speakerOf(text, 'We defended')).toBe('Marek Dvorsky');
    expect(speakerOf(text, 'The wind made')).toBe('Tomas Brekke');
    expect(subjectBefore('Striker Nicolas Anelka ')).toBeTruthy();
    const p = subjectBefore('Striker Nicolas Anelka ');
    expect(p && readMention(p)).toMatchObject({ kind: 'name', name: ['Nicolas', 'Anelka'] });
  });

  it('GIVEN a first name the lists miss that ends like a role ("Fraser Kemp"), or an adjective ("Digital Rights Management") THEN the run is left whole', () => {
    expect(opensWithRole(['Fraser', 'Kemp'])).toBe(false);
    expect(opensWithRole(['Digital', 'Rights', 'Management'])).toBe(false);
    expect(opensWithRole(['Striker', 'Nicolas', 'Anelka'])).toBe(true);
    expect(opensWithRole(['Man-of-the-match', 'Duff'])).toBe(true);
    expect(opensWithRole(['Pei-yuan', 'Chia'])).toBe(false);
    expect(roleWordsOpening(['Top-seeded', 'Americans', 'Andy', 'Roddick'])).toBe(2);
    expect(roleWordsOpening(['Spaniard', 'Guillermo', 'Garcia-Lopez'])).toBe(1);
    expect(roleWordsOpening(['Spaniard', 'Garcia-Lopez'])).toBe(0);
    expect(opensWithRole(['Rimmer', 'de', 'Vries'])).toBe(false);
    expect(speakerOf(['Labour spokesman Fraser Kemp responded: “Britain is working, do not let them wreck it.”'], 'Britain is working')).toBe('Fraser Kemp');
  });
});

describe('an appositive whose closing comma is missing', () => {
  it('GIVEN "Dana Whitcombe, a spokeswoman for the campaign said: “…”" THEN Dana Whitcombe speaks, the role her appositive', () => {
    const p = subjectBefore('Dana Whitcombe, a spokeswoman for the Harbour campaign ');
    expect(p && readMention(p)).toMatchObject({ kind: 'name', name: ['Dana', 'Whitcombe'] });
    const text = ['The site was closed on Monday. Dana Whitcombe, a spokeswoman for the Harbour campaign said: “The measure was taken for safety reasons.”'];
    expect(speakerOf(text, 'The measure was taken')).toBe('Dana Whitcombe');
  });

  it('GIVEN "writing in the Daily Telegraph, the prime minister conceded" THEN the paper is no person with an appositive', () => {
    const p = subjectBefore('Earlier, writing in the Daily Telegraph, the prime minister ');
    expect(p && readMention(p)).toMatchObject({ kind: 'group', text: 'the prime minister' });
  });
});

describe('the agent of a passive after a quote', () => {
  it('GIVEN "was called the “…” by the film’s director Marc Forster" THEN Forster is read in the slot_by slot', () => {
    const fs = featuresAt(['Critics loved the film, and its young star was called the "fifth child of the group" by the film\'s director Hanna Forstmann.'], 'fifth child');
    expect(fs.get('Hanna Forstmann')?.slot_by).toBe(1);
  });

  it('GIVEN "“…” by the end of the year" THEN no slot_by reading', () => {
    const fs = featuresAt(['Mayor Ruth Okonjo visited the site. “The plant will be fully working again, with every line running” by the end of the year, the council expects.'], 'The plant will be');
    // The quote was attributed (its candidates include nobody), and none of them in the passive slot.
    expect(fs.has(null)).toBe(true);
    for (const f of fs.values()) expect(f.slot_by).toBeUndefined();
  });
});

describe('"by X" after a quote is its author only in a passive sentence (review of session 14)', () => {
  it('GIVEN "“…” by Christmas Day / by the time Mr Smith returns / by Brussels standards" THEN no slot_by reading, and the mayor is no worse off', () => {
    for (const by of ['by Christmas Day', 'by the time Mr Smith returns', 'by Brussels standards']) {
      const fs = featuresAt([`Mayor Ruth Okonjo visited the site. “The plant will be fully working again, with every line running” ${by}, the council expects.`], 'The plant will be');
      for (const f of fs.values()) expect(f.slot_by).toBeUndefined();
    }
  });
});

describe('a speech participle reporting the clause before a quote', () => {
  it('GIVEN "Peter Brown rejected the plan, saying John Smith had “…”" THEN the speaker is Peter Brown, never the reported clause\'s subject', () => {
    const text = ['Peter Brown rejected the plan on Monday, saying John Smith had “no mandate to govern the country”.'];
    const fs = featuresAt(text, 'no mandate');
    expect(fs.get('John Smith')?.slot_participle).toBeUndefined();
    expect(speakerOf(text, 'no mandate')).toBe('Peter Brown');
  });

  it('GIVEN "In an interview with the paper, Mr Okafor refused …, saying Nigeria would vote “…”" THEN Okafor in the participle slot, not the man named before', () => {
    const text = [
      'Foreign minister Ade Bello has said the vote could come in the spring. But in an interview with the Lagos Daily, Mr Okafor refused to be pinned down to that date, saying Nigeria would hold a poll "some time next year but when, I do not know".',
    ];
    const fs = featuresAt(text, 'some time next year');
    expect(fs.get('Okafor')?.slot_participle).toBe(1);
    expect(fs.get('Ade Bello')?.slot_participle).toBeUndefined();
    expect(speakerOf(text, 'some time next year')).toBe('Okafor');
  });
});

describe('a named owner’s document', () => {
  it('GIVEN "Mr Crosby\'s statement said: “…”" THEN the owner speaks, not "Mr Crosby\'s statement"', () => {
    const text = ['Australian Lynton Crosby is the party strategist. Mr Crosby\'s statement said: "The Conservative Party has been making an impact on the issues."'];
    expect(speakerOf(text, 'The Conservative Party')).toBe('Lynton Crosby');
  });
});
