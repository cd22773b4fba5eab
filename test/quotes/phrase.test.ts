import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { readMention, subjectAfter, subjectBefore } from '../../src/quotes/phrase.js';

// Speaker phrases where a title or an organisation and a role come before a person's name: the
// name speaks, the rest is the role (issue 10).
const after = (text: string) => {
  const p = subjectAfter(text);
  return p ? readMention(p) : null;
};
const before = (text: string) => {
  const p = subjectBefore(text);
  return p ? readMention(p) : null;
};

describe('subjectAfter: a title with "of (the)" before a name', () => {
  it('GIVEN "said Irish Minister of the Fisheries Aoife Quinlan." THEN Aoife Quinlan, the title her role', () => {
    expect(after(' Irish Minister of the Fisheries Aoife Quinlan. Later that week')).toMatchObject({ kind: 'name', name: ['Aoife', 'Quinlan'], role: 'Irish Minister of the Fisheries' });
  });

  it('GIVEN "said Secretary of Transport Peter Lindqvist," THEN Peter Lindqvist', () => {
    expect(after(' Secretary of Transport Peter Lindqvist, speaking in Oslo.')).toMatchObject({ kind: 'name', name: ['Peter', 'Lindqvist'], role: 'Secretary of Transport' });
  });

  it('GIVEN a person "of" an organisation THEN still the person, not the organisation', () => {
    expect(after(' Maria Okafor of the Harbour Trust, who runs the ferries.')).toMatchObject({ kind: 'name', name: ['Maria', 'Okafor'] });
  });
});

describe('subjectAfter: the end of the sentence', () => {
  it('GIVEN "said a port authority spokeswoman. Ships…" THEN the description without the period', () => {
    expect(after(' a port authority spokeswoman. Ships were turned away')).toMatchObject({ kind: 'group', text: 'a port authority spokeswoman' });
  });

  it('GIVEN "said Gov. Ann Lee." THEN the abbreviated title stays a title', () => {
    expect(after(' Gov. Ann Lee. The bill')).toMatchObject({ kind: 'name', name: ['Ann', 'Lee'], personalTitle: true });
  });
});

describe('subjectAfter: roles joined by "and" before a name', () => {
  it('GIVEN "said Zentra chairman and chief executive Lena Voss." THEN Lena Voss, the rest her role', () => {
    expect(after(' Zentra chairman and chief executive Lena Voss. The shares rose')).toMatchObject({ kind: 'name', name: ['Lena', 'Voss'], role: 'Zentra chairman and chief executive' });
  });

  it('GIVEN "said Federation of Small Traders policy director Omar Haddad." THEN Omar Haddad', () => {
    expect(after(' Federation of Small Traders policy director Omar Haddad.')).toMatchObject({ kind: 'name', name: ['Omar', 'Haddad'], role: 'Federation of Small Traders policy director' });
  });
});

describe('subjectBefore: an organisation named "X of (the) Y"', () => {
  it('GIVEN "The Scottish Chambers of Trade said" THEN the whole organisation', () => {
    expect(before('The Scottish Chambers of Trade ')).toMatchObject({ kind: 'group', text: 'Scottish Chambers of Trade' });
  });

  it('GIVEN "Deputy Minister of Health Rosa Lindgren said" THEN Rosa Lindgren', () => {
    expect(before('Deputy Minister of Health Rosa Lindgren ')).toMatchObject({ kind: 'name', name: ['Rosa', 'Lindgren'], role: 'Deputy Minister of Health' });
  });
});

describe('attributeArticle with titled and organisation speakers', () => {
  const quotes = (paragraphs: string[]) => attributeArticle(paragraphs).filter((q) => q.kind === 'direct').map((q) => [q.speaker, q.role]);

  it('GIVEN two quotes after "said Irish Minister of the Fisheries Aoife Quinlan" THEN both hers, with her title as role', () => {
    expect(quotes(['Fishing quotas will be cut again next year. “This is the hardest season our fleet has faced in a generation,” said Irish Minister of the Fisheries Aoife Quinlan. “We will not leave the harbours to fend for themselves.”'])).toEqual([
      ['Aoife Quinlan', 'Irish Minister of the Fisheries'],
      ['Aoife Quinlan', 'Irish Minister of the Fisheries'],
    ]);
  });

  it('GIVEN "said Zentra chairman and chief executive Lena Voss" THEN Lena Voss', () => {
    expect(quotes(['Zentra posted its first profit in four years. “We have rebuilt the company from the ground up over the last three years,” said Zentra chairman and chief executive Lena Voss.'])).toEqual([['Lena Voss', 'Zentra chairman and chief executive']]);
  });

  it('GIVEN "The Scottish Chambers of Trade welcomed …" then "it said" THEN the whole organisation, not "Trade"', () => {
    expect(quotes(['The Scottish Chambers of Trade welcomed the ruling on Friday. “This is good news for every small shop in the country,” it said.'])).toEqual([['Scottish Chambers of Trade', null]]);
  });
});

describe('subjectAfter: a work or team and a lower-case noun before a first name', () => {
  it('GIVEN "said Moonfall star Ida Brandt, a family friend" THEN Ida Brandt, the rest her role', () => {
    expect(after(' Moonfall star Ida Brandt, a family friend.')).toMatchObject({ kind: 'name', name: ['Ida', 'Brandt'], role: 'Moonfall star, family friend' });
  });

  it('GIVEN a capitalised name and a lower-case word with no first name after THEN the name alone', () => {
    expect(after(' Hargreaves today, adding that more would follow.')).toMatchObject({ kind: 'name', name: ['Hargreaves'] });
  });
});
