// A document the text quotes with no issuer near it speaks for the organisation the article is about so far (fixtures invented).
import { describe, expect, it } from 'vitest';
import { LEAD_REACH, leadOrganisation } from '../../src/quotes/org-lead.js';
import { speakerOf } from './speaker-of.js';

const noPerson = (): boolean => false;

describe('the leading organisation', () => {
  it('GIVEN subjects named before a point THEN the one named most often leads, the first on a tie', () => {
    const lead = leadOrganisation(
      [
        { pos: 10, name: 'Northern Trade Fund', quoted: false },
        { pos: 40, name: 'Harbour Board', quoted: false },
        { pos: 70, name: 'Harbour Board', quoted: false },
      ],
      noPerson,
    );
    expect(lead(5)).toBeNull();
    expect(lead(11)).toBe('Northern Trade Fund');
    expect(lead(50)).toBe('Northern Trade Fund');
    expect(lead(80)).toBe('Harbour Board');
  });

  it('GIVEN a name inside a quotation, a lone capitalised word, a dateline place or a titled person THEN none of them leads', () => {
    const lead = leadOrganisation(
      [
        { pos: 1, name: 'Dealers', quoted: false },
        { pos: 5, name: 'Harbour Board', quoted: true },
        { pos: 9, name: 'Finance Minister Tove Brandt', quoted: false },
        { pos: 12, name: 'HVQ', quoted: false },
      ],
      (name) => name.endsWith('Tove Brandt'),
    );
    expect(lead(10)).toBeNull();
    expect(lead(13)).toBe('HVQ');
  });
});

describe('a document quoted paragraphs after its issuer', () => {
  const paragraphs = [
    'LUNDIA TOLD TO TRIM SPENDING',
    'OSLAND, March 3 - The Northern Trade Fund has urged Lundia to cut public spending further next year.',
    'A copy of the findings was handed to ministers on Tuesday and shown to journalists afterwards.',
    'Public borrowing was nine pct of output last year, the highest level in a decade.',
    'The report says "Spending must fall by a tenth before taxes can be cut."',
  ];

  it('GIVEN "the report says" with no issuer in its paragraph or the one before THEN the organisation the article is about speaks', () => {
    expect(speakerOf(paragraphs, 'Spending must fall')).toBe('Northern Trade Fund');
  });

  it('GIVEN a letter, which a person writes as often, THEN the letter stays the speaker', () => {
    const letter = [...paragraphs.slice(0, 4), 'The letter says "Spending must fall by a tenth before taxes can be cut."'];
    expect(speakerOf(letter, 'Spending must fall')).toBe('the letter');
  });

  it('GIVEN the organisation last named further back than the reach THEN the report stays the speaker', () => {
    const far = [...paragraphs.slice(0, 4), ...Array.from({ length: 70 }, (_, k) => `Borrowing rose in the ${k + 1}th district by a small amount over the past two years of low growth.`), paragraphs[4] ?? ''];
    expect(far.slice(2, -1).join('\n\n').length).toBeGreaterThan(LEAD_REACH);
    expect(speakerOf(far, 'Spending must fall')).toBe('the report');
  });

  it('GIVEN no organisation named as a subject before THEN the report stays the speaker', () => {
    const none = [paragraphs[0] ?? '', 'OSLAND, March 3 - Lundia was urged to cut public spending further next year.', ...paragraphs.slice(2)];
    expect(speakerOf(none, 'Spending must fall')).toBe('the report');
  });
});

describe('a summary, a study, a survey or a document speaks for the leading organisation too', () => {
  it('GIVEN "the summary said" with no issuer near it THEN the organisation the article is about speaks', () => {
    const paragraphs = [
      'The Northern Trade Fund has urged Lundia to cut its import duties.',
      'A draft Fund paper on the Lundian economy was shown to reporters.',
      'Farm output fell for a second year, with rice and wheat both lower.',
      '"Lower duties would make local goods cheaper to make and easier to sell abroad," the summary said.',
    ];
    expect(speakerOf(paragraphs, 'Lower duties would')).toBe('Northern Trade Fund');
  });

  it.each(['study', 'survey', 'document'])('GIVEN "the %s said" with no issuer near it THEN the leading organisation speaks', (noun) => {
    const paragraphs = [
      'The Harbour Transport Council has asked the city to widen the port road.',
      'Lorries queued for six hours last week, drivers said.',
      `"The road cannot carry the traffic it has now," the ${noun} said.`,
    ];
    expect(speakerOf(paragraphs, 'The road cannot')).toBe('Harbour Transport Council');
  });

  it('GIVEN "the editorial said" in a story about a company THEN the editorial stays the writing (a journal\'s, not the company\'s)', () => {
    const paragraphs = [
      'Corvane Therapeutics Inc said its new drug shrank tumours in a trial of 40 patients, a medical journal reported.',
      'Four patients in the trial died, the journal reported.',
      '"These results are early and must be read with care," the editorial said.',
    ];
    expect(speakerOf(paragraphs, 'These results are early')).toBe('the editorial');
  });

  it('GIVEN a lone capital opening the sentence before the document THEN it is no issuer, but a one-word name the story uses again is', () => {
    const opening = [
      'The Northern Trade Fund has urged Lundia to cut its import duties.',
      'Exporters have long asked for the change. Cheaper imports would help them.',
      '"Duties should fall by half within three years," the report said.',
    ];
    expect(speakerOf(opening, 'Duties should fall')).toBe('Northern Trade Fund');
    const named = [
      'The Northern Trade Fund has urged Lundia to cut its import duties.',
      'Ostwig, a research institute, agrees. Ostwig said in March that growth would slow.',
      '"Duties should fall by half within three years," the report said.',
    ];
    expect(speakerOf(named, 'Duties should fall')).toBe('Ostwig');
  });
});
