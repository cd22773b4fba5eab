import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { subjectBefore } from '../../src/quotes/phrase.js';

const shown = (paragraphs: string[], start: string): { speaker: string | null; role: string | null } | undefined => {
  const q = attributeArticle(paragraphs).find((x) => x.kind !== 'fragment' && x.text.startsWith(start));
  return q ? { speaker: q.speaker, role: q.role } : undefined;
};

// "NAME, ROLE of ORG, which …, said": the relative clause describes the organisation; the role before
// it is still the named head's appositive, and the head speaks (classes 3 and 5 of the audits).
describe('a relative clause after an appositive role leaves the role to the named head', () => {
  it('GIVEN "NAME, founder of ORG, which …, said" THEN the phrase is NAME with the role as appositive', () => {
    expect(subjectBefore('Ravi Osmund, founder of Open Pages Trust, which backs small publishers, ')).toEqual({ words: ['Ravi', 'Osmund'], appositive: 'founder of Open Pages Trust' });
    // A relative clause right after a name is no role.
    expect(subjectBefore('Ravi Osmund, who backs small publishers, ')).toEqual({ words: ['Ravi', 'Osmund'], appositive: null });
    // No name before the description: no appositive is made up.
    expect(subjectBefore('In the video, the players, who were tired, ')?.appositive ?? null).toBeNull();
  });

  it('GIVEN the critic so described and then "In a statement COMPANY said … It said: “…”" THEN the critic, then the company', () => {
    const text = [
      'Ravi Osmund, founder of Open Pages Trust, which backs small publishers, called the tool "a poor idea and a bad move".',
      'In a statement Brightwell said the scheme would stay voluntary for now. It said: "No driver will be made to sign up this year."',
    ];
    expect(shown(text, 'a poor idea')).toEqual({ speaker: 'Ravi Osmund', role: 'founder of Open Pages Trust' });
    expect(shown(text, 'No driver will be made')?.speaker).toBe('Brightwell');
  });

  // The rescue needs the name to be the whole head: a name at the end of "written by"/"led by"/
  // "backed by" is an agent inside the subject, not the subject.
  it('GIVEN "The THING, VERBed by NAME, ROLE, which …, said" THEN NAME is not the speaker', () => {
    expect(subjectBefore('The plan, backed by Kay Obi, head of the fund, which holds shares, ')).toBeNull();
    expect(shown(['The report, written by Kay Obi, head of the Lune Fund, which holds shares, said: "Prices will fall soon."'], 'Prices will fall')?.speaker).not.toBe('Kay Obi');
    expect(shown(['A group led by Kay Obi, chairman of Corvo Bank, which lost money last year, said: "Prices will fall soon."'], 'Prices will fall')?.speaker).not.toBe('Kay Obi');
    // The whole head, with or without a title or after a clause's "and", still gets the rescue.
    expect(shown(['Six councillors backed the plan, and Mara Quell, the Eastvale member, whose ward holds the depot, has vowed to take it "to the regional board if needed".'], 'to the regional board')?.speaker).toBe('Mara Quell');
    expect(subjectBefore('Kay Obi, chairman of Corvo Bank, whose shares fell, ')).toEqual({ words: ['Kay', 'Obi'], appositive: 'chairman of Corvo Bank' });
    expect(subjectBefore('Dr Kay Obi, chairman of Corvo Bank, whose shares fell, ')).toEqual({ words: ['Dr', 'Kay', 'Obi'], appositive: 'chairman of Corvo Bank' });
  });

  it('GIVEN "NAME, deputy head of ORG, who leads the team, told …: “…”" THEN NAME, and "he replied" next is NAME too', () => {
    const text = [
      'Talks resumed on Monday.',
      'Oren Valdt, deputy head of the Norland Council, who leads the delegation, told reporters: "We have narrowed our differences."',
      'Asked about the border, he replied: "That question is not in our draft."',
    ];
    expect(shown(text, 'We have narrowed')).toEqual({ speaker: 'Oren Valdt', role: 'deputy head of the Norland Council' });
    expect(shown(text, 'That question')?.speaker).toBe('Oren Valdt');
  });
});

// "NAME, chairman of X and director of Y at COMPANY said" with the closing comma left out: the
// coordinated lower-case role is still the named head's (class 5), not the last organisation's.
describe('a lower-case role of an organisation after a name, its closing comma left out', () => {
  it('GIVEN "NAME, chairman of X and director of research at Y said: “…”" THEN NAME speaks', () => {
    const text = ['LONDON, May 3 - Bond prices fell.', 'Peter Alcott, chairman of Brenner Holdings and director of research at Corvo Bank said: "Rates will rise."'];
    expect(shown(text, 'Rates will rise')?.speaker).toBe('Peter Alcott');
  });

  it('GIVEN "NAME, chairman and chief executive of Y said" THEN NAME, the whole chunk as role', () => {
    const text = ['LONDON, May 3 - Bond prices fell.', 'Peter Alcott, chairman and chief executive of Corvo Bank said: "Rates will rise."'];
    expect(shown(text, 'Rates will rise')).toEqual({ speaker: 'Peter Alcott', role: 'chairman and chief executive of Corvo Bank' });
  });

  it('GIVEN no person\'s name before the role ("In testimony, director of the fund said") THEN no head is made up', () => {
    const text = ['In its filing, director of the Corvo Fund said: "Rates will rise."'];
    expect(shown(text, 'Rates will rise')?.speaker).toBe('director of the Corvo Fund');
  });
});
