import { defineCommand } from '../src/commands/command.js';
import { statsPages } from '../src/render/engine-discord.js';
import { statsText } from '../src/render/engine-text.js';

export default defineCommand({
  name: 'stats',
  description: 'What the archive holds: articles, passages, dates, warnings',
  options: {},
  // While the archive loads, how far it has got: the one answer a loading bot can give.
  run: (ctx) => ctx.loading?.() ?? ctx.engine.stats(),
  renderText: statsText,
  renderDiscord: statsPages,
});
