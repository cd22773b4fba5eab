// The shape of a load's progress, on its own so that the command context can name it without
// importing the loading context (which imports the command context).

/** How far the load has got: what /stats answers until the archive is ready. */
export interface LoadingStatus {
  loading: true;
  /** What is being done now: "reading the cache", "reading files", "indexing articles"… */
  phase: string;
  /** The whole load, 0–100. */
  percent: number;
  /** Articles read so far (from the cache or the files). */
  articles: number;
  elapsedMs: number;
}
