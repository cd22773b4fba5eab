import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { CONFIDENT_MARGIN, Engine } from '../../src/engine.js';
import { PassageIndex } from '../../src/search/index.js';
import { writeTempArchive } from '../../bench/fixtures.js';

// Two wire stories filed from different desks tell the same event with a different name in the
// answer slot: the answer models cannot tell which is right, so neither is presented as the answer.
describe('ask presents an answer only when the top passage clearly beats the next (CONFIDENT_MARGIN)', () => {
  const dir = writeTempArchive('ask-margin', [
    ['desk-a', 'date 1987-03-02\nPort strike ends\n\nThe dockers ended their strike at Rotterdam on Monday after talks led by mediator Jan Visser, the union said.'],
    ['desk-b', 'date 1987-03-02\nRotterdam strike over\n\nThe dockers ended their strike at Rotterdam on Monday after talks led by mediator Piet Bakker, the union said.'],
    ['grain', 'date 1987-03-03\nGrain shipments\n\nGrain shipments from the port of Antwerp rose in February, traders said, with wheat leading the gain.'],
    ['clear', 'date 1987-03-04\nOil terminal\n\nThe new oil terminal at Europoort was opened by transport minister Neelie Smit-Kroes on Wednesday.'],
  ]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const archive = loadArchive(dir);
  const engine = new Engine(archive, PassageIndex.build(archive.articles));

  it('GIVEN two passages the model scores within the margin THEN the reply is unsure, whatever the number of hits asked for', () => {
    const question = 'Who led the talks that ended the dockers strike at Rotterdam?';
    const r = engine.ask({ question, limit: 5 });
    const [first, second] = r.hits;
    expect(first?.article).toMatch(/^desk-/);
    expect(second?.article).toMatch(/^desk-/);
    expect((first?.score ?? 0) - (second?.score ?? 0)).toBeLessThan(CONFIDENT_MARGIN);
    expect(r.confident).toBe(false);
    // One hit asked for: the runner-up still counts.
    const one = engine.ask({ question, limit: 1 });
    expect(one.hits).toHaveLength(1);
    expect(one.confident).toBe(false);
  });

  it('GIVEN a passage that stands clear of the rest THEN its sentence is the answer', () => {
    const r = engine.ask({ question: 'Who opened the new oil terminal at Europoort?' });
    const [first, second] = r.hits;
    expect(first?.article).toBe('clear');
    expect((first?.score ?? 0) - (second?.score ?? -Infinity)).toBeGreaterThanOrEqual(CONFIDENT_MARGIN);
    expect(r.confident).toBe(true);
  });
});

// A paragraph longer than one passage is cut into overlapping windows; reading a short story
// whole must not bring a paragraph back once per window.
describe('ask reads a short story whole without repeating a long paragraph (Engine.restOfStory)', () => {
  const long = Array.from({ length: 60 }, (_, i) => `Inspectors walked section ${['north', 'south', 'east', 'west', 'upper', 'lower'][i % 6]} of the old bridge and logged rust.`).join(' ');
  const dir = writeTempArchive('ask-windows', [
    ['bridge', `date 1987-04-01\nBridge inspection\n\nThe Kestrel bridge over the Wey was closed for inspection on Tuesday.\n\n${long}\n\nRepairs will cost 4.2 million pounds, the council said.`],
    ['other', 'date 1987-04-02\nCouncil budget\n\nThe council set its budget for roads and schools.'],
  ]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const archive = loadArchive(dir);
  const engine = new Engine(archive, PassageIndex.build(archive.articles));

  it('GIVEN a story whose middle paragraph spans several passages THEN each paragraph is in the pool and the hits once', () => {
    const bridge = archive.articles.findIndex((a) => a.id === 'bridge');
    const windows = engine.index.articlePassages(bridge).filter((p) => engine.index.passages[p]?.paragraph === 3);
    expect(windows.length).toBeGreaterThan(1);
    const question = 'How much will the repairs to the Kestrel bridge cost?';
    const { pool } = engine.askPool(question, 20);
    const paragraphs = pool.map((r) => engine.index.passages[r.passage]).filter((p) => p?.article === bridge).map((p) => p?.paragraph);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    expect(paragraphs).toEqual(expect.arrayContaining([2, 3, 4]));
    const hits = engine.ask({ question, limit: 5 }).hits.filter((h) => h.article === 'bridge').map((h) => h.paragraph);
    expect(new Set(hits).size).toBe(hits.length);
  });
});
