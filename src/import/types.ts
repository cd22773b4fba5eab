/** The input formats `import` reads. */
export const IMPORT_FORMATS = ['rss', 'atom', 'html', 'jsonl', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const isImportFormat = (s: string): s is ImportFormat => (IMPORT_FORMATS as readonly string[]).includes(s);

/** One article found in an input file, before it becomes an archive file. */
export interface ImportItem {
  /** Names the item in messages: `item 3 ("Oil prices rise")`, `line 7`, `row 12`. */
  label: string;
  title?: string;
  /** The date as the input wrote it; normalised to `YYYY-MM-DD` when written. */
  date?: string;
  url?: string;
  /** A feed's own stable id (RSS guid, Atom id): the key when there is no url. */
  guid?: string;
  source?: string;
  author?: string;
  paragraphs: string[];
}

/** An item that could not be read, or a whole file (item null). */
export interface ImportSkip {
  file: string;
  item: string | null;
  reason: string;
}

/** What one input file gave: its items, and the items that could not be read. */
export interface ParsedInput {
  items: ImportItem[];
  skipped: ImportSkip[];
}

/** The result of one `import`: counts, what was skipped and why, and each article written. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  skipped: ImportSkip[];
  /** Imported, but with something the reader should know (no readable date). */
  warnings: Array<{ file: string; item: string | null; message: string }>;
  /** The articles added or updated, with their new archive ids. */
  articles: Array<{ id: string; status: 'added' | 'updated'; file: string; item: string }>;
}
