import { DATE_RANGE_OPTIONS } from '../src/commands/options.js';
import { defineCommand } from '../src/commands/command.js';
import { MAX_LIMIT, MAX_QUERY_CHARS } from '../src/engine.js';
import { searchPages } from '../src/render/engine-discord.js';
import { searchText } from '../src/render/engine-text.js';

export default defineCommand({
  name: 'search',
  description: 'Find passages in the archive, with dates and citations',
  example: 'city subpoena --from 2020 --limit 3',
  options: {
    query: { type: 'string', description: 'Words to look for', required: true, maxLength: MAX_QUERY_CHARS },
    speaker: { type: 'string', description: 'Only passages quoting this speaker', autocomplete: 'speaker' },
    ...DATE_RANGE_OPTIONS,
    limit: { type: 'integer', description: `How many passages (1-${MAX_LIMIT}, default 5)`, min: 1, max: MAX_LIMIT },
  },
  run: ({ engine }, o) => engine.search(o),
  cooldown: true,
  renderText: searchText,
  renderDiscord: searchPages,
});
