import { defineCommand } from '../src/commands/command.js';
import { MAX_QUERY_CHARS } from '../src/engine.js';
import { summaryPages, summaryText } from '../src/render/summary.js';
import { summaryOf } from '../src/summary/request.js';
import { DEFAULT_SENTENCES, MAX_SENTENCES } from '../src/summary/summarize.js';

export default defineCommand({
  name: 'summary',
  description: 'Sum up an article in a few of its own sentences, with citations',
  example: '--query subpoenas --sentences 2',
  options: {
    article: { type: 'string', description: 'The article (type words of its title)', autocomplete: 'article' },
    query: { type: 'string', description: 'Or: words to find the article by', maxLength: MAX_QUERY_CHARS },
    sentences: { type: 'integer', description: `How many sentences (1-${MAX_SENTENCES}, default ${DEFAULT_SENTENCES})`, min: 1, max: MAX_SENTENCES },
  },
  run: ({ engine }, o) => summaryOf(engine, o),
  cooldown: true,
  renderText: summaryText,
  renderDiscord: summaryPages,
});
