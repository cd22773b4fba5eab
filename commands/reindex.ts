import { defineCommand } from '../src/commands/command.js';
import { UserError } from '../src/errors.js';
import { reindexPages, reindexText } from '../src/render/live.js';

export default defineCommand({
  name: 'reindex',
  description: 'Rebuild the index from the archive files (admins)',
  options: {},
  admin: true,
  run: ({ reindex, progress }) => {
    if (!reindex) throw new UserError('reindex needs the live archive, which this process does not run', 'no-live-archive');
    return reindex(progress);
  },
  renderText: reindexText,
  renderDiscord: reindexPages,
});
