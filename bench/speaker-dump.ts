// The dump bench/quote-speakers.ts writes (one JSON line per quote with its speaker) and how a
// quote is keyed across dumps: shared by the dump, its --diff and bench/quote-audit.ts.

import { readFileSync } from 'node:fs';

export interface SpeakerRow {
  article: string;
  paragraph: number;
  open: number;
  speaker: string | null;
  text: string;
}

/** The same quote in two dumps of one archive: its article, paragraph and opening mark. */
export const rowKey = (r: SpeakerRow): string => `${r.article}#${r.paragraph}#${r.open}`;

/** Every row of a dump file. */
export const readDump = (path: string): SpeakerRow[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SpeakerRow);
