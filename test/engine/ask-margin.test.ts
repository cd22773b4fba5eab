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
