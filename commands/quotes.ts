import { defineCommand } from '../src/commands/command.js';
import { MAX_LIMIT, MAX_QUERY_CHARS } from '../src/engine.js';
import { answerQuotes } from '../src/quotes/query.js';
import { quotesPages, quotesText } from '../src/render/quotes.js';

export default defineCommand({
  name: 'quotes',
  description: 'What people said: quotes by a speaker, about a topic, or of one article',
  example: '--speaker "Henry Lucero" --limit 3',
  options: {
    speaker: { type: 'string', description: 'Who said it (type part of the name)', autocomplete: 'speaker', maxLength: 100 },
    topic: { type: 'string', description: 'Only quotes about these words', maxLength: MAX_QUERY_CHARS },
    article: { type: 'string', description: 'Every quote of this article, in order', autocomplete: 'article' },
    limit: { type: 'integer', description: `How many quotes (1-${MAX_LIMIT}, default 5; all of an article)`, min: 1, max: MAX_LIMIT },
  },
  run: ({ engine }, o) => answerQuotes(engine.quotes, { ...o, about: (id) => engine.topicArticles(o.topic ?? '').has(id) }, (id) => engine.getArticle(id).id),
  renderText: quotesText,
  renderDiscord: quotesPages,
});
