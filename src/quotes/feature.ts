// The quotes feature: built beside the passage index, saved in the index cache, and attached to
// the engine as the search `speaker` filter, speaker autocomplete, and the store the /quotes and
// /speakers commands read.

import type { Engine } from '../engine.js';
import { UserError } from '../errors.js';
import type { Feature } from '../features.js';
import { QuoteStore } from './store.js';

const stores = new WeakMap<Engine, QuoteStore>();

/** The quote store attached to an engine; a UserError when the engine was built without it. */
export function quoteStoreOf(engine: Engine): QuoteStore {
  const store = stores.get(engine);
  if (!store) throw new UserError('quotes are not available: this archive was opened without the quotes feature', 'no-quotes');
  return store;
}

export const quotesFeature: Feature<QuoteStore> = {
  name: 'quotes',
  version: 1,
  build: (archive) => QuoteStore.build(archive.articles),
  save: (store) => store.toJSON(),
  load: (json) => QuoteStore.fromJSON(json),
  update: (store, change) => store.update(change.added, new Set(change.removed.map((a) => a.id))),
  attach(engine, store) {
    stores.set(engine, store);
    engine.suggestSpeakers = (input, limit) => store.suggestSpeakers(input, limit);
    engine.speakerFilter = (speaker) => {
      const spans = store.quotedSpans(speaker);
      return (p) => {
        const passage = engine.index.passages[p];
        const article = passage ? engine.index.articles[passage.article] : undefined;
        if (!passage || !article) return false;
        // The passage quotes the speaker when one of the quotes overlaps its window of the paragraph.
        return (spans.get(article.id) ?? []).some((s) => s.paragraph === passage.paragraph && s.start < passage.end && s.end > passage.start);
      };
    };
  },
};
