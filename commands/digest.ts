import { DATE_RANGE_OPTIONS } from '../src/commands/options.js';
import { defineCommand } from '../src/commands/command.js';
import { MAX_QUERY_CHARS } from '../src/engine.js';
import { digestPages, digestText } from '../src/render/summary.js';
import { DIGEST_DEFAULT_LIMIT, DIGEST_MAX_LIMIT, digest } from '../src/summary/digest.js';

export default defineCommand({
  name: 'digest',
  description: 'The stories of a day or a period, biggest first, each in one sentence',
  example: '2020-01 --topic immigration',
  options: {
    date: { type: 'string', description: 'A day, month or year: YYYY-MM-DD, YYYY-MM or YYYY (default: the newest day)' },
    ...DATE_RANGE_OPTIONS,
    topic: { type: 'string', description: 'Only articles about this', maxLength: MAX_QUERY_CHARS },
    limit: { type: 'integer', description: `Stories (or articles) per page (1-${DIGEST_MAX_LIMIT}, default ${DIGEST_DEFAULT_LIMIT})`, min: 1, max: DIGEST_MAX_LIMIT },
    page: { type: 'integer', description: 'Which page of a long digest (default 1)', min: 1 },
    articles: { type: 'boolean', description: 'List every article newest first instead of grouping them into stories' },
  },
  run: ({ engine }, o) => digest(engine.articles, { ...o, matches: (a, topic) => engine.topicArticles(topic).has(a.id) }),
  cooldown: true,
  renderText: digestText,
  renderDiscord: digestPages,
});
