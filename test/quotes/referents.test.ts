import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { featuresOf } from '../../src/quotes/ranker.js';
import { speakerOf } from './speaker-of.js';

describe('documents, descriptions and groups resolve to who the text says they are', () => {
  // The session-24 to session-27 weights lost this to Dame Ann Pryce by a near tie (bench/RESULTS.md "End of session 24");
  // the session-28 weights give it back to the board.
  it('GIVEN "A Rail Safety Board report" and a broadcaster told something THEN "the report says" is the board, not the broadcaster', () => {
    const text = [
      'A Rail Safety Board report on signal failures says delays have doubled. A senior rail official told the BBC lessons were being learned.',
      'Dame Ann Pryce, head of the board, said the faults were known. "Many delays can be traced to the lack of spare parts at depots," the report says.',
    ];
    expect(speakerOf(text, 'Many delays')).toBe('Rail Safety Board');
  });

  it("GIVEN \"the ORR's annual report\" THEN \"the report says\" is the ORR, spelt out where the article spells it out", () => {
    const text = [
      'The Office of Rail Regulation (ORR) has criticised the operators.',
      'The ORR\'s annual report found little change. "Passengers deserve far better than this," the report says.',
    ];
    expect(speakerOf(text, 'Passengers deserve')).toBe('Office of Rail Regulation');
  });

  it('GIVEN "a letter from chief executive Nadia Orr" THEN "the letter added" is its signatory', () => {
    const text = [
      'Drugmaker Hallam Pharma has bought adverts in six newspapers. In the adverts, headed A Letter from chief executive Nadia Orr, the company says critics are wrong. "It was simply untrue that trial data were hidden from doctors," the letter added.',
    ];
    expect(speakerOf(text, 'It was simply untrue')).toBe('Nadia Orr');
  });

  it('GIVEN a document with no issuer named and "two Welsh newspapers" THEN the nationality is no speaker', () => {
    const text = [
      'Councillor Gwyn Harries was suspended after his views were sent to two Welsh newspapers. The document reportedly said: "We want the old county councils back."',
    ];
    const speaker = speakerOf(text, 'We want the old county');
    expect(speaker).not.toBe('Welsh');
    expect(speaker).not.toBe('Gwyn Harries');
  });

  it('GIVEN "Downing St said" and no spokesman described THEN "the spokesman said" stays the spokesman, no person and not the office', () => {
    const text = [
      'Britain will send engineers to help rebuild the port, Downing St said.',
      'Talks have begun with the port authority on the timing. Downing St said a similar offer might be made to other ports. The spokesman said: "The engineers will leave on Monday."',
    ];
    expect(speakerOf(text, 'The engineers will leave')).toBe('the spokesman');
  });

  it('GIVEN "A spokesman for Jane Kirby said" after a long quote with "as she rightly says" inside THEN the paragraph\'s intro speaker is the spokesman, and "the spokesman said" is his', () => {
    // The look-back from the last quote begins inside the long one, after its opening mark: the
    // "says" within it is quoted speech, not the narration that introduces the spokesman.
    const text = [
      'Ms Kirby\'s rival Tom Glass said the defector was "a loyal and able colleague". "Time and again, in every town and village of this country, from the coast to the hills, from the cities to the farms and from the schools to the hospitals and the care homes, as she rightly says, they have learned nothing from two defeats," he added. A spokesman for Jane Kirby said the defector\'s views were "very different" from the party\'s. "She wants higher fees and closer ties with Brussels," the spokesman said.',
    ];
    const intro: Array<string | null> = [];
    attributeArticle(text, {
      observe: (q, candidates) => {
        if (q.text.startsWith('She wants higher fees')) for (const c of candidates) if (featuresOf(c.vector).intro_para) intro.push(c.speaker);
      },
    });
    expect(intro).toEqual(['a spokesman for Jane Kirby']);
    expect(speakerOf(text, 'She wants higher fees')).toBe('a spokesman for Jane Kirby');
  });

  it('GIVEN "the Northern Regional Health Board said" and a person named after THEN "said the health board" is the board, not the person', () => {
    const text = [
      'In a statement, the Northern Regional Health Board said the delays were "regrettable". "Patients will be offered care closer to home," said the health board. Earlier, Carl Wenn, chief executive of Dunmore Hospital, had said: "We cannot treat patients we are not paid for."',
    ];
    expect(speakerOf(text, 'Patients will be offered')).toBe('Northern Regional Health Board');
  });

  it('GIVEN "owners Ola Berg and Maja Lind said" THEN a following "they said" is the pair, not the last name', () => {
    const text = ['In an emailed statement, the bakery\'s owners Ola Berg and Maja Lind said they respected the vote.', '"Our staff deserve a safe and fair workplace," they said.'];
    expect(speakerOf(text, 'Our staff deserve')).toBe('Ola Berg and Maja Lind');
  });

  it('GIVEN "In its statement, al-Nour said:" THEN the lower-case Arabic article begins the speaker\'s name', () => {
    const text = ['Diners had been eating at the Garden Grill when the attack began.', 'In its statement claiming the attack, al-Nour said: "This was a response to the raids."'];
    expect(speakerOf(text, 'This was a response')?.toLowerCase()).toBe('al-nour');
  });
});

describe('a definite description may be a person the article named: readings the model weighs', () => {
  const candidatesOf = (paragraphs: string[], start: string): Array<{ speaker: string | null; features: Record<string, number | undefined> }> => {
    let out: Array<{ speaker: string | null; features: Record<string, number | undefined> }> = [];
    attributeArticle(paragraphs, {
      observe: (q, candidates) => {
        if (q.text.startsWith(start)) out = candidates.map((c) => ({ speaker: c.speaker, features: featuresOf(c.vector) }));
      },
    });
    return out;
  };

  it('GIVEN "Mayor Dana Holt" named, then a councillor, then "the mayor said" THEN the reading is Holt, by role, not the councillor named last', () => {
    const text = [
      'Mayor Dana Holt announced the new rink plan at City Hall on Monday. Holt said the rink would open in 2026 and that Holt would chair the board.',
      'Councillor Ray Finn opposed the plan.',
      '"We have a chart that shows the decline in ice use," the mayor said.',
    ];
    const cands = candidatesOf(text, 'We have a chart');
    const holt = cands.find((c) => c.speaker === 'Dana Holt');
    const finn = cands.find((c) => c.speaker === 'Ray Finn');
    expect(holt?.features.via_desc_referent).toBe(1);
    expect(holt?.features.desc_role_match).toBe(1);
    expect(holt?.features.desc_most_named).toBe(1);
    expect(holt?.features.desc_latest).toBeUndefined();
    expect(finn?.features.via_desc_referent).toBeUndefined();
    // The description kept as it is stays a candidate too.
    expect(cands.some((c) => c.speaker === 'the mayor')).toBe(true);
  });

  it('GIVEN "A Treasury spokesperson, speaking on background, dismissed the claims, saying" THEN the spokesperson, not "A Treasury"', () => {
    const text = ['The institute said borrowing would overshoot. A Treasury spokesperson, speaking on background, dismissed the claims, saying it was "on track to meet the rules in this cycle and beyond".'];
    expect(speakerOf(text, 'on track to meet')).toBe('a Treasury spokesperson');
  });

  it('GIVEN "A Treasury spokesperson dismissed the claims, saying it was" THEN the spokesperson, not "A Treasury"', () => {
    const text = ['The institute said borrowing would overshoot. A Treasury spokesperson dismissed the claims, saying it was "on track to meet the rules in this cycle and beyond".'];
    expect(speakerOf(text, 'on track to meet')).toBe('a Treasury spokesperson');
  });

  it('GIVEN "Lakeside Power said …" and "…," it said THEN the organisation read from "it" is near its quote, as a description would be', () => {
    const text = [
      'Lakeside Power said in a statement that 60,000 customers lost power in the storm.',
      'It is very bad for our older residents. Tom Reyes, Lakeside mayor',
      '"Hundreds of fallen trees have left some roads closed, which means crews cannot reach every line," it said.',
    ];
    const org = candidatesOf(text, 'Hundreds of fallen trees').find((c) => c.speaker === 'Lakeside Power');
    expect(org?.features.via_it_org).toBe(1);
    expect(org?.features.nearness ?? 0).toBeGreaterThan(0.5);
  });

  it('GIVEN no role matches THEN "the professor" is read as the likeliest person named before, marked so, and only that one', () => {
    const text = ['Dr Lena Maas leads the battery lab in Aachen. Her colleague Piet Kroon runs the test track.', '"No carmaker makes money on this kind of car," the lanky professor said.'];
    const cands = candidatesOf(text, 'No carmaker');
    const maas = cands.find((c) => c.speaker === 'Lena Maas');
    expect(maas?.features.via_desc_referent).toBe(1);
    expect(maas?.features.desc_latest).toBe(1);
    expect(maas?.features.desc_role_match).toBeUndefined();
    expect(cands.filter((c) => c.features.via_desc_referent)).toHaveLength(1);
  });

  it('GIVEN "says Hale\'s dad, Morris." after another speaker THEN Morris, named only there, is near his quote', () => {
    const text = [
      '"It took months of drawing and fixing mistakes," says 16-year-old Jonah Hale, who sold 40 copies of his comic. "If the shop were not printing local comics, I don\'t think Jonah would be doing this," says Hale\'s dad, Morris.',
    ];
    const morris = candidatesOf(text, 'If the shop').find((c) => c.speaker === 'Morris');
    expect(morris?.features.slot_tail).toBe(1);
    expect(morris?.features.nearness ?? 0).toBeGreaterThan(0.5);
  });
});
