import type { Archive, Article } from './archive/types.js';
import type { Engine } from './engine.js';
import type { PassageIndex } from './search/index.js';
import { quotesFeature } from './quotes/feature.js';

/**
 * Something built from the whole archive beside the passage index (quotes, summaries…),
 * saved in the index cache with it and attached to the engine.
 */
export interface Feature<T> {
  name: string;
  /** Bump when what `build` produces changes: cached data of another version is rebuilt. */
  version: number;
  build(archive: Archive, index: PassageIndex): T;
  /** Plain JSON for the cache. */
  save(data: T): unknown;
  /** Back from `save`'s JSON; throws when the shape is wrong (the cache is then rebuilt). */
  load(json: unknown, archive: Archive, index: PassageIndex): T;
  attach(engine: Engine, data: T): void;
  /**
   * The data after articles were added, changed (they come in both lists) or removed, when the
   * feature can do better than `build` over the whole archive again (the default).
   */
  update?(data: T, change: { added: readonly Article[]; removed: readonly Article[] }, archive: Archive, index: PassageIndex): T;
}

/** The features every engine is built with. A feature is added by adding it here. */
export const FEATURES: ReadonlyArray<Feature<unknown>> = [quotesFeature];
