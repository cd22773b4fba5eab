import { describe, expect, it } from 'vitest';
import { isRoleWord } from '../../src/quotes/phrase.js';
import { echoEnd, echoesIndefinite, TURN_PARAGRAPHS, TurnLog } from '../../src/quotes/turn-features.js';
import { definiteHead } from '../../src/quotes/description.js';
import { candidatesByQuote } from './speaker-of.js';

const candidates = candidatesByQuote;

describe('definiteHead', () => {
  it('GIVEN definite descriptions of one person THEN their head noun', () => {
    expect(definiteHead('the official')).toBe('official');
    expect(definiteHead('the visiting banker in Corvale')).toBe('banker');
    expect(definiteHead('the analyst who asked not to be named')).toBe('analyst');
  });

  it('GIVEN an indefinite description, a plural, a name or an organisation noun THEN none', () => {
    expect(definiteHead('a senior official')).toBeNull();
    expect(definiteHead('the analysts')).toBeNull();
    expect(definiteHead('Hal Varnes')).toBeNull();
    expect(definiteHead('the company')).toBeNull();
  });
});

describe('echoesIndefinite', () => {
  it('GIVEN "the official" after "a senior central bank official" THEN it echoes the unnamed person', () => {
    expect(echoesIndefinite('the official', 'A senior Lundian central bank official said rates would hold. Hal Varnes met officials.')).toBe(true);
    expect(echoesIndefinite('the arbitrageur', 'One of the arbitrageurs said the price was fair.')).toBe(true);
  });

  it('GIVEN "the minister" after a named minister only THEN no echo', () => {
    expect(echoesIndefinite('the minister', 'Finance Minister Ann Cole said Lundia would pay.')).toBe(false);
    // The head noun inside another word is no echo.
    expect(echoesIndefinite('the official', 'An officially sanctioned report said so.')).toBe(false);
  });
});

describe('echoEnd', () => {
  it('GIVEN two indefinites of the head THEN where the LAST ends; none THEN -1', () => {
    const text = 'A senior official said prices rose. Later one trade official said they fell. Markets shut.';
    expect(echoEnd('the official', text)).toBe(text.indexOf('trade official') + 'trade official'.length);
    expect(echoEnd('the official', 'Markets shut early.')).toBe(-1);
    expect(echoEnd('Ann Cole', text)).toBe(-1);
  });

  it('GIVEN a non-ASCII head THEN the last one too', () => {
    const text = 'Un a señor said no. Then a second señor said yes.';
    expect(echoEnd('the señor', text)).toBe(text.lastIndexOf('señor') + 'señor'.length);
  });

  it('GIVEN narration longer than the echo reach THEN the offset still counts from the start of the text given', () => {
    const pad = 'x '.repeat(2000);
    const text = `${pad}one trade official said so.`;
    expect(echoEnd('the official', text)).toBe(text.indexOf('trade official') + 'trade official'.length);
  });
});

describe('TurnLog', () => {
  it('GIVEN turns A, B, C THEN C holds the turn, A is two turns back, D took none', () => {
    const log = new TurnLog();
    log.record('A', 1);
    log.record('B', 2);
    log.record('C', 2);
    expect(log.since('C', 3)).toBe(0);
    expect(log.since('A', 3)).toBe(2);
    expect(log.since('D', 3)).toBeNull();
  });

  it('GIVEN a turn too many paragraphs back THEN it is forgotten', () => {
    const log = new TurnLog();
    log.record('A', 1);
    expect(log.since('A', 1 + TURN_PARAGRAPHS)).toBe(0);
    expect(log.since('A', 2 + TURN_PARAGRAPHS)).toBeNull();
  });
});

describe('turn features in attribution', () => {
  it('GIVEN "the official said" after "A senior central bank official said" THEN the description in the slot echoes the unnamed official', () => {
    const c = candidates(['Crown steady', 'A senior Lundian central bank official said the bank saw no risk. Hal Varnes met Lundian officials on Monday.', '"He is a great man," the official said.']);
    const official = c.get('He is a great man')?.get('the official');
    expect(official?.slot_tail).toBe(1);
    expect(official?.desc_echo).toBe(1);
    // A candidate without the feature, not a missing candidate.
    expect(c.get('He is a great man')?.has('Hal Varnes')).toBe(true);
    expect(c.get('He is a great man')?.get('Hal Varnes')?.desc_echo).toBeUndefined();
  });

  it('GIVEN "the diplomat said" THEN the diplomat is the slot\'s reading (a role noun with no role ending)', () => {
    expect(isRoleWord('diplomat')).toBe(true);
    const c = candidates(['Lundia budget', 'Hal Varnes will speak on Monday, officials said.', '"There will be no surprises," the diplomat said.']);
    expect(c.get('There will be no sur')?.get('the diplomat')?.slot_tail).toBe(1);
  });

  it('GIVEN "Mark Dunn … said:" then a narration of the company THEN a later "he said" finds Dunn holding the turn', () => {
    const c = candidates(['Acme', 'Mark Dunn, an analyst at Acme, said on Monday: "Prices will rise."', 'Sales rose by 5 pct in March, the company said.', '"We see more growth," he said.']);
    expect(c.get('We see more growth')?.get('Mark Dunn')?.turn_holder).toBe(1);
  });

  it('GIVEN two speakers since Dunn\'s turn THEN the turn is the last speaker\'s, not Dunn\'s', () => {
    const c = candidates([
      'Acme',
      'Mark Dunn, an analyst at Acme, said: "Prices will rise."',
      'Jane Roe, a trader, said: "They will not."',
      'Bob Kay, an economist, said: "Perhaps."',
      '"We see more growth," Dunn said.',
    ]);
    const q = c.get('We see more growth');
    expect(q?.has('Mark Dunn')).toBe(true);
    expect(q?.get('Mark Dunn')?.turn_holder).toBeUndefined();
    expect(q?.get('Bob Kay')?.turn_holder).toBe(1);
  });
});
