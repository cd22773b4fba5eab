import { defineCommand } from '../src/commands/command.js';
import { MAX_LIMIT, MAX_QUERY_CHARS } from '../src/engine.js';
import { askPages } from '../src/render/engine-discord.js';
import { askText } from '../src/render/engine-text.js';

export default defineCommand({
  name: 'ask',
  description: 'Ask a question; get the passages and sentences that answer it',
  example: 'When did the city receive the subpoenas?',
  options: {
    question: { type: 'string', description: 'Your question', required: true, maxLength: MAX_QUERY_CHARS },
    limit: { type: 'integer', description: `How many answers (1-${MAX_LIMIT}, default 5)`, min: 1, max: MAX_LIMIT },
  },
  run: ({ engine }, o) => engine.ask(o),
  cooldown: true,
  renderText: askText,
  renderDiscord: askPages,
});
