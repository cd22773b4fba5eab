import { defineCommand } from '../src/commands/command.js';
import { articlePages } from '../src/render/engine-discord.js';
import { articleText } from '../src/render/engine-text.js';

export default defineCommand({
  name: 'article',
  description: 'Read a whole article with paragraph numbers',
  example: '000_4f9b0c250ff8d600',
  options: {
    id: { type: 'string', description: 'The article (type words of its title)', required: true, autocomplete: 'article' },
  },
  run: ({ engine }, o) => engine.article(o.id),
  renderText: articleText,
  renderDiscord: articlePages,
});
