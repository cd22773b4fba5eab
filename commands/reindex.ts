import { defineCommand } from '../src/discord/define.js';
import { UserError } from '../src/errors.js';
import { reindexPages, reindexText } from '../src/render/live.js';

export default defineCommand({
  name: 'reindex',
  description: 'Rebuild the index from the archive files (admins)',
  options: {},
  adminPermission: 'ManageGuild',
  run: ({ live, progress }) => {
    if (!live) throw new UserError('reindex needs the live archive, which this process does not run', 'no-live-archive');
    return live.reindex(progress);
  },
  renderText: reindexText,
  renderDiscord: reindexPages,
});
