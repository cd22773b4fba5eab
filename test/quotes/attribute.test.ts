import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/archive/parse.js';
import { attributeArticle, expandAcronym, type AttributedQuote } from '../../src/quotes/attribute.js';
import { FEATURE_INDEX } from '../../src/quotes/ranker.js';

const seed = parseArticle('000_4f9b0c250ff8d600', readFileSync(new URL('../../seeds/000_4f9b0c250ff8d600.txt', import.meta.url), 'utf8')).article;
const quotes = attributeArticle(seed.paragraphs);
const shown = quotes.filter((q) => q.kind !== 'fragment');
const find = (start: string): AttributedQuote | undefined => shown.find((q) => q.text.startsWith(start));

describe('attributeArticle on the seed article', () => {
  it('GIVEN "This is not a request" told The Associated Press THEN Henry Lucero said it, and the quote after it', () => {
    expect(find('This is not a request')?.speaker).toBe('Henry Lucero');
    expect(find('This is a last resort for us')?.speaker).toBe('Henry Lucero');
  });

  it('GIVEN "spokeswoman Freddi Goldstein said" THEN the speaker is Freddi Goldstein with the role spokeswoman', () => {
    const q = find('New York City will not change the guidelines');
    expect(q?.speaker).toBe('Freddi Goldstein');
    expect(q?.role).toBe('spokeswoman');
  });

  it('GIVEN "said Albence" THEN the full name from earlier in the article is used', () => {
    expect(find('It is this city’s protection policy')?.speaker).toBe('Matthew Albence');
  });

  it('GIVEN the partial quote after "Goldstein said … that" THEN it is a partial quote of Freddi Goldstein', () => {
    const q = find('the Trump administration’s attempt');
    expect(q?.kind).toBe('partial');
    expect(q?.speaker).toBe('Freddi Goldstein');
  });

  it('GIVEN "He said on Twitter" after "De Blasio has accused" THEN the speaker is Bill de Blasio', () => {
    expect(find('has passed common sense immigration enforcement laws')?.speaker).toBe('Bill de Blasio');
  });

  it('GIVEN "wrote Chad Sublet, senior counsel …" THEN Chad Sublet', () => {
    expect(find('The documents appear to be a request')?.speaker).toBe('Chad Sublet');
  });

  it('GIVEN "A judge can scorn her," he told the AP THEN he is Henry Lucero', () => {
    expect(find('A judge can scorn her')?.speaker).toBe('Henry Lucero');
  });

  it('GIVEN "said Lucero in a statement" THEN Henry Lucero', () => {
    expect(find('Like any law enforcement agency')?.speaker).toBe('Henry Lucero');
  });

  it('GIVEN scare quotes "immigration summons" and "fear tactics" THEN they are fragments with no speaker', () => {
    for (const t of ['immigration summons', 'fear tactics']) {
      const q = quotes.find((x) => x.text === t);
      expect(q?.kind).toBe('fragment');
      expect(q?.speaker).toBeNull();
      expect(shown.some((x) => x.text === t)).toBe(false);
    }
  });

  it('GIVEN "City officials in Denver said … and said the subpoenas “…”" THEN the group is the speaker', () => {
    expect(find('could be seen as an effort')?.speaker).toBe('City officials in Denver');
  });
});

describe('attributeArticle on small articles', () => {
  const speakers = (paragraphs: string[]): Array<string | null> => attributeArticle(paragraphs).filter((q) => q.kind !== 'fragment').map((q) => q.speaker);

  it('GIVEN "..., adding “…”" THEN the subject of the sentence', () => {
    expect(speakers(['Finance Minister Ana Pereira defended the plan on Monday, adding: “Nobody will pay more tax.”'])).toEqual(['Ana Pereira']);
  });

  it('GIVEN a participle after the main clause names no one THEN the sentence’s pronoun subject', () => {
    expect(speakers(['Coach Tom Reyes was asked about the loss.', 'He shrugged it off on the radio, saying “We will be back next week.”'])).toEqual(['Tom Reyes']);
  });

  it('GIVEN a quote continued in the next paragraph without attribution THEN the same speaker', () => {
    expect(speakers(['“The water is rising fast,” said fire chief Dana Kowalski.', '“We have asked everyone on the east bank to leave tonight.”'])).toEqual(['Dana Kowalski', 'Dana Kowalski']);
  });

  it('GIVEN "according to X" THEN X', () => {
    expect(speakers(['The deal is “a win for both sides,” according to trade minister Raj Patel.'])).toEqual(['Raj Patel']);
  });

  it('GIVEN she after two people, one a woman by title THEN the woman', () => {
    expect(speakers(['Ms. Laura Chen met Mr. David Osei on Friday.', '“It was a useful meeting,” she said.'])).toEqual(['Laura Chen']);
  });

  it('GIVEN an organisation as the subject THEN the organisation', () => {
    expect(speakers(['“Service will resume by Sunday,” Metro Transit said in a statement.'])).toEqual(['Metro Transit']);
  });

  it('GIVEN "the company said" after a company was named THEN the company', () => {
    expect(speakers(['Northwind Shipping Co declined to comment on the layoffs.', '“We are confident the plant will reopen,” the company said.'])).toEqual(['Northwind Shipping Co']);
  });

  it('GIVEN a quote with no speaker anywhere THEN null', () => {
    expect(speakers(['“Closed for the holidays.”'])).toEqual([null]);
  });

  it('GIVEN an acronym speaker the article spells out THEN the full name; otherwise the acronym stays', () => {
    const article = ['Export Development Canada (EDC) lent the firm $40 million, records show.', '“We are obligated to respect the confidentiality of our clients,” EDC said.'];
    expect(speakers(article)).toEqual(['Export Development Canada']);
    expect(speakers(['“We will appeal,” NASA said.'])).toEqual(['NASA']);
    // Joining words are skipped; a run broken by punctuation does not spell the acronym.
    expect(expandAcronym('BIS', ['The Bank for International Settlements warned.'], { table: null })).toBe('Bank for International Settlements');
    expect(expandAcronym('ABC', ['Alpha Beta, Charlie said.'], { table: null })).toBe('ABC');
    expect(expandAcronym('Tony Brant', ['Tony Brant spoke.'], { table: null })).toBe('Tony Brant');
  });

  it("GIVEN a possessive role after the name (\"Ivo Pell, Marlow's campaign manager,\") THEN the name speaks, the role is its role", () => {
    const qs = attributeArticle([
      "“We will carry the north,” Ivo Pell, Marlow's campaign manager, said.",
      'Ivo Pell, Marlow’s campaign manager, said: “We raised more than any rival.”',
      '“They were seasoned operators,” said Carla B. Venn, Governor Ruud’s former chief of staff.',
      '“They were hard rivals,” Carla B. Venn, Governor Ruud’s former chief of staff, said.',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['Ivo Pell', 'Ivo Pell', 'Carla B. Venn', 'Carla B. Venn']);
    expect([qs[0]?.role, qs[1]?.role, qs[3]?.role]).toEqual(["Marlow's campaign manager", 'Marlow’s campaign manager', 'Governor Ruud’s former chief of staff']);
  });

  it('GIVEN an age after the name ("Anwar Qadri, 66,") THEN the name speaks, not the number', () => {
    expect(speakers(['“I want to back my children,” Halloran, 70, said.'])).toEqual(['Halloran']);
    expect(speakers(['Anwar Qadri, 66, a lawyer, said: “You see people walking to work.”'])).toEqual(['Anwar Qadri']);
  });
  it('GIVEN "she says" THEN a candidate whose first name is a man\'s carries name_gender_clash, unless the text gives the gender', () => {
    const clashes = (paragraphs: string[]): Record<string, boolean> => {
      const out: Record<string, boolean> = {};
      attributeArticle(paragraphs, {
        observe: (_q, candidates) => {
          for (const c of candidates) if (c.speaker) out[c.speaker] = c.vector[FEATURE_INDEX.name_gender_clash] === 1;
        },
      });
      return out;
    };
    const story = ['Wendy Golden says her son died in 2016.', 'Richard Cuthbertson, who sold him the pills, was charged.', '“That is why I chose to fight,” she says.'];
    expect(clashes(story)).toMatchObject({ 'Wendy Golden': false, 'Richard Cuthbertson': true });
    // "Kim" is a woman's name in the lists, but "Mr." says otherwise: no clash with "he".
    expect(clashes(['Mr. Kim Lee runs the shop.', 'Wendy Golden was a customer.', '“We close at nine,” he says.'])).toMatchObject({ 'Kim Lee': false, 'Wendy Golden': true });
  });

  it('GIVEN a surname shared by two people THEN the one the text last spoke of', () => {
    expect(
      speakers([
        'Jason LeBlanc died in a jail cell in January.',
        'His father, Ernie LeBlanc, says his son had long struggled with anxiety.',
        '“Your anxiety gets that bad, you have got to have something,” says LeBlanc.',
      ]),
    ).toEqual(['Ernie LeBlanc']);
  });

  it('GIVEN a capitalised job title after the name ("Hussein Sayed, Chief Market Strategist at FXTM,") THEN the name speaks, the title is its role', () => {
    const [q] = attributeArticle(['“The euro may fall,” Hussein Sayed, Chief Market Strategist at FXTM, said in a note.']);
    expect(q?.speaker).toBe('Hussein Sayed');
    expect(q?.role).toBe('Chief Market Strategist at FXTM');
    // A place after the name is no title: the sentence's subject still speaks.
    expect(speakers(['“We are ready,” Dana Smith, Calgary, said.'])).not.toEqual(['Dana Smith']);
  });
  it('GIVEN a caption with the full first name and a short form in the text THEN the full form speaks; relatives stay apart', () => {
    expect(
      speakers([
        'Alfonso Espinos and Alexander Wise inside the shop.',
        'Xander Wise, a self-taught artist, drew the first issue.',
        '“It is months and months of doing panels,” said Xander Wise.',
      ]),
    ).toEqual(['Alexander Wise']);
    expect(speakers(['Darrin Wise is proud of his son, Xander Wise.', '“I never doubted him,” said Darrin Wise.'])).toEqual(['Darrin Wise']);
  });
  it('GIVEN "it said" after an organisation was the subject THEN the organisation, and the unattributed quote paragraph after it too', () => {
    expect(
      speakers([
        'Northwind Power said in a statement that 600,000 customers lost power.',
        'It is very bad for our seniors. Rod Peters, Lake Cowichan mayor',
        '“Hundreds of downed trees have left some roads impassable,” it said.',
        '“Some areas will be without power for several more days.”',
      ]),
    ).toEqual(['Northwind Power', 'Northwind Power']);
  });
});
