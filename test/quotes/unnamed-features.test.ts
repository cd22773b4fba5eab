import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { vectorOf } from '../../src/quotes/ranker.js';
import { describedMention, describedOverInner, describedSlotAfter, describedSlotBefore, onlyByPronoun } from '../../src/quotes/unnamed-features.js';
import { candidatesByQuote } from './speaker-of.js';

const candidates = candidatesByQuote;

const words = (s: string): string[] => s.split(' ');

describe('describedSlotBefore', () => {
  it('GIVEN an indefinite description kept from its verb by a comma clause, adverbs or a frame THEN the description', () => {
    expect(describedSlotBefore('A chemist at a Velmar laboratory, who asked not to be named,')?.words).toEqual(words('A chemist at a Velmar laboratory'));
    expect(describedSlotBefore('Asked about the harvest, a grain trader there privately')?.words).toEqual(words('a grain trader'));
    expect(describedSlotBefore('Prices fell. One trader at a Corvale brokerage, speaking privately,')?.words).toEqual(words('One trader at a Corvale brokerage'));
  });

  it('GIVEN a name, a definite description, a plural or a clause with a verb THEN none', () => {
    expect(describedSlotBefore('Hal Varnes, who chairs the board,')).toBeNull();
    expect(describedSlotBefore('The chemist, who asked not to be named,')).toBeNull();
    expect(describedSlotBefore('Two chemists at a Velmar laboratory')).toBeNull();
    expect(describedSlotBefore('a report that the banker said')).toBeNull();
    // A company is no person's role.
    expect(describedSlotBefore('a company in Corvale, which makes pumps,')).toBeNull();
    expect(describedMention({ words: words('a message sent to Corvale Pumps by its security team'), appositive: null })).toBeNull();
    // Every writing the attribution reads as a document is no person here either (a website, an advertisement).
    expect(describedSlotBefore('A website of the Velmar laboratory, which opened in May,')).toBeNull();
    expect(describedSlotAfter(' an advertisement in the Velmar Gazette. Prices rose.')).toBeNull();
    expect(describedMention({ words: words('an advertisement for Hal Varnes'), appositive: null })).toBeNull();
  });
});

describe('describedSlotAfter', () => {
  it('GIVEN an inverted verb before an indefinite description THEN the description up to its clause end', () => {
    expect(describedSlotAfter(' a wool analyst at a U.K. brokerage. Prices rose.')?.words).toEqual(words('a wool analyst at a U.K. brokerage'));
    expect(describedSlotAfter(' one dealer, adding that')?.words).toEqual(words('one dealer'));
  });

  it('GIVEN a name or a thing after the verb THEN none', () => {
    expect(describedSlotAfter(' Hal Varnes.')).toBeNull();
    expect(describedSlotAfter(' a report by the bank.')).toBeNull();
  });
});

describe('describedOverInner', () => {
  const before = 'One adviser joining the meeting with Trade Minister Pavel Marrow';
  it('GIVEN a subject scan that read only the name inside the description THEN the description', () => {
    expect(describedOverInner(before, { words: words('Trade Minister Pavel Marrow'), appositive: null })?.words).toEqual(words(before));
  });

  it('GIVEN a subject the description does not end with, or none THEN the scan, else the description', () => {
    const other = { words: words('Hal Varnes'), appositive: null };
    expect(describedOverInner(before, other)).toBe(other);
    expect(describedOverInner('Hal Varnes', other)).toBe(other);
    expect(describedOverInner(before, null)?.words).toEqual(words(before));
  });
});

describe('describedMention', () => {
  it('GIVEN an indefinite description whose complement names a person THEN the description, unnamed', () => {
    expect(describedMention({ words: words('an aide to Senator Hal Varnes'), appositive: null })).toEqual({ kind: 'group', text: 'an aide to Senator Hal Varnes', role: null });
    expect(describedMention({ words: words('a spokesman for Corvale Pumps Corp (CPC'), appositive: null })).toEqual({ kind: 'group', text: 'a spokesman for Corvale Pumps Corp', role: null });
  });

  it('GIVEN a name with a role, an appositive or a description without a complement THEN none', () => {
    expect(describedMention({ words: words('Senator Hal Varnes'), appositive: null })).toBeNull();
    expect(describedMention({ words: words('a foreign banker'), appositive: null })).toBeNull();
    expect(describedMention({ words: words('Hal Varnes'), appositive: 'an aide to the senator' })).toBeNull();
  });
});

describe('onlyByPronoun', () => {
  it('GIVEN a candidate read only from a he/she THEN true; one named nearby THEN false', () => {
    expect(onlyByPronoun(vectorOf({ slot_tail: 1, via_pronoun_1: 1 }))).toBe(true);
    expect(onlyByPronoun(vectorOf({ slot_tail: 1, via_pronoun_1: 1, via_name: 1 }))).toBe(false);
    expect(onlyByPronoun(vectorOf({ intro_para: 1, via_name: 1 }))).toBe(false);
  });
});

describe('unnamed speakers in attribution', () => {
  it('GIVEN a description kept from its verb by a comma clause THEN it is the quote\'s own slot, not the person named before', () => {
    const c = candidates([
      'Brenna Tolliver, head of planning at Tarrow Mills, says the new kiln would help.',
      'A chemist at a Velmar laboratory, who asked not to be named, said "If the kiln opens in spring, the glaze tests can start at once."',
    ]);
    const q = c.get('If the kiln opens in');
    expect(q?.get('a chemist at a Velmar laboratory')?.slot_pre).toBe(1);
    expect(q?.get('Brenna Tolliver')?.slot_pre).toBeUndefined();
  });

  it('GIVEN a person named inside the description\'s complement THEN the description holds the slot and the paragraph\'s introduction', () => {
    const c = candidates(['Trade Minister Pavel Marrow said the fleet would be cut.', 'One adviser joining the meeting with Trade Minister Pavel Marrow said, "The offer on the table is not enough for the boats."']);
    const q = c.get('The offer on the tab');
    const d = q?.get('an adviser joining the meeting with Trade Minister Pavel Marrow');
    expect(d?.slot_pre).toBe(1);
    expect(d?.intro_para).toBe(1);
    expect(q?.get('Pavel Marrow')?.intro_para).toBeUndefined();
  });

  it('GIVEN "Another diplomat said …" then "…," he said THEN the he/she may continue the described diplomat', () => {
    const c = candidates(['Trade Minister Pavel Marrow said the fleet would be cut.', "Another diplomat said Marrow's real worry is the fishing quota.", '"He cannot give way on the boats," he said.']);
    // A description is shown with its determiner in lower case.
    const d = c.get('He cannot give way o')?.get('another diplomat');
    expect(d?.slot_tail).toBe(1);
    expect(d?.pronoun_desc).toBe(1);
  });

  it('GIVEN a he/she read as a person named paragraphs back only THEN no bar to the described speaker before it', () => {
    const c = candidates([
      'Governor Arne Lisk said the dredgers would start in March.',
      "The company's levy has already paid for the dredging, the senior company official said.",
      'There may be delays, he said. "The channel silts up faster than we can dig," he added.',
    ]);
    expect(c.get('The channel silts up')?.get('the senior company official')?.pronoun_desc).toBe(1);
  });

  it('GIVEN a he after a named speaker of this paragraph THEN the description before it is no reading', () => {
    const c = candidates(['A spokesman for Corvale Pumps said sales fell.', 'Hal Varnes, the chairman, said the plan would hold. "We will not sell," he said.']);
    expect(c.get('We will not sell')?.get('a spokesman for Corvale Pumps')?.pronoun_desc).toBeUndefined();
  });

  it('GIVEN "…," said a wool analyst at a brokerage THEN the analyst speaks', () => {
    const out = attributeArticle(['Trade Minister Pavel Marrow opened the wool auction yesterday.', '"That sale clearly points to cheaper wool," said a wool analyst at a U.K. brokerage.']);
    expect(out.find((q) => q.text.startsWith('That sale'))?.speaker).toBe('a wool analyst at a U.K. brokerage');
  });
});
