import { defineCommand } from '../src/commands/command.js';
import { MAX_LIMIT } from '../src/engine.js';
import { answerSpeakers, DEFAULT_SPEAKERS } from '../src/quotes/query.js';
import { speakersPages, speakersText } from '../src/render/quotes.js';

export default defineCommand({
  name: 'speakers',
  description: 'The most quoted people and organisations, with counts',
  example: '--limit 5',
  options: {
    limit: { type: 'integer', description: `How many speakers (1-${MAX_LIMIT}, default ${DEFAULT_SPEAKERS})`, min: 1, max: MAX_LIMIT },
  },
  run: ({ engine }, o) => answerSpeakers(engine.quotes, o.limit),
  renderText: speakersText,
  renderDiscord: speakersPages,
});
