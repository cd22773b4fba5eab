/** What a full rebuild of the index did (the /reindex answer). */
export interface ReindexReport {
  articles: number;
  passages: number;
  added: number;
  changed: number;
  removed: number;
  warnings: number;
  ms: number;
}
