import { headlinePairs } from '../src/search/ask-train.js';
import { trainAlignTable } from '../src/search/align.js';
import { loadArchive } from '../src/archive/load.js';
const pairs = ['/work/shared/data/corpus/reuters21578', '/work/shared/data/corpus/bbc'].flatMap((d) => headlinePairs(loadArchive(d).articles));
const table = trainAlignTable(pairs, "x");
console.log(Object.keys(table.table).length, JSON.stringify(table).length);
for (const w of ['found', 'axe', 'cut', 'rais', 'director', 'buy', 'sell', 'win', 'quit', 'resign', 'sack', 'profit', 'loss', 'rise', 'fall', 'boss']) console.log(w, JSON.stringify(table.table[w]));
