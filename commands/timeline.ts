import { DATE_RANGE_OPTIONS } from '../src/commands/options.js';
import { defineCommand } from '../src/commands/command.js';
import { MAX_QUERY_CHARS } from '../src/engine.js';
import { timelineFiles, timelinePages } from '../src/render/timeline-discord.js';
import { timelineText } from '../src/render/timeline-text.js';
import { timeline } from '../src/timeline/timeline.js';

export default defineCommand({
  name: 'timeline',
  description: 'When was this in the news? A chart of matching articles per day, week, month or year',
  example: 'subpoenas --from 2020 --out subpoenas.png',
  options: {
    query: { type: 'string', description: 'Words every counted article holds', required: true, maxLength: MAX_QUERY_CHARS },
    speaker: { type: 'string', description: 'Only articles quoting this speaker; also counts their quotes', autocomplete: 'speaker' },
    ...DATE_RANGE_OPTIONS,
  },
  run: ({ engine }, o) => timeline(engine, o),
  cooldown: true,
  renderText: (r) => timelineText(r),
  renderDiscord: timelinePages,
  files: timelineFiles,
});
