export interface Article {
  /** Path relative to the archive folder, without `.txt`, `/`-separated. */
  id: string;
  title: string;
  /** ISO `YYYY-MM-DD`, or null when the file gives no readable date. */
  date: string | null;
  url?: string;
  source?: string;
  author?: string;
  /** The body's paragraphs; citation numbers are 1-based indexes into this. */
  paragraphs: string[];
  /** True when paragraph 1 is a headline (it is the title, never a summary/answer sentence). */
  headline: boolean;
}

export interface ArchiveWarning {
  file: string;
  message: string;
}

export interface Archive {
  dir: string;
  /** The articles being served, sorted by id (replaced as a whole when the archive changes). */
  articles: Article[];
  warnings: ArchiveWarning[];
}
