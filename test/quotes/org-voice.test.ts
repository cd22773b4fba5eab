import { describe, expect, it } from 'vitest';
import { speakerOf } from './speaker-of.js';

describe('a document or a spokesman speaks for an organisation, never for a person', () => {
  it('GIVEN "A Harbour Board spokesman said" then a captain named THEN "added the spokesman" is that spokesman, neither the captain nor the board', () => {
    const text = [
      'The pier at Lowmouth will shut for a week after storm damage. A Harbour Board spokesman said: "The pier will close until the railings are repaired."',
      'Meanwhile, captain Joe Barnes and his crew have been told to moor at Eastwick. But the board would not say what the repairs will cost. "Once the engineers report we will know more," added the spokesman.',
    ];
    expect(speakerOf(text, 'Once the engineers')).toBe('a Harbour Board spokesman');
  });

  it('GIVEN only a person named before THEN "said the statement" stays the statement, unnamed', () => {
    const text = ['Kevin Marsh opened the new library in Dunford on Friday.', '"The building will serve the whole valley for decades," said the statement.'];
    expect(speakerOf(text, 'The building will serve')).toBe('the statement');
  });

  it('GIVEN "Green leader Ruth Daly accepted" THEN the "Green" before a role is no organisation speaking, and the statement stays unnamed', () => {
    const text = [
      'A candidate has stood down over remarks about the health service. Green leader Ruth Daly accepted the resignation on Monday.',
      'In a statement, the party said the remarks had been misreported. "She has our full support on the health service," said the statement.',
    ];
    expect(speakerOf(text, 'She has our full support')).toBe('the statement');
  });

  it('GIVEN an organisation acting in the paragraph before and a person named after it THEN "an agency statement" is the organisation', () => {
    const text = [
      'The Coastal Survey Agency estimates the work will cost $4m.',
      'Surveyor Peter Hale would like new boats for the team. "Without new boats the survey will stall," said an agency statement.',
    ];
    expect(speakerOf(text, 'Without new boats')).toBe('Coastal Survey Agency');
  });
});
