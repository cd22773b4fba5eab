// Preloaded into a measured process by the growth bench: at exit, writes the process's peak
// resident memory (and its heap then) to the file GROWTH_RSS_FILE names.
import { writeFileSync } from 'node:fs';

const out = process.env.GROWTH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    writeFileSync(out, JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, heapMB: process.memoryUsage().heapUsed / 1e6 }));
  });
}
