// Preloaded into a measured process by the growth bench: at exit, writes the process's peak
// resident memory (and its heap then), and the CPU time of all its threads, to the file
// GROWTH_RSS_FILE names.
import { writeFileSync } from 'node:fs';
import { threadCpuMs } from './thread-cpu.js';

const out = process.env.GROWTH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    writeFileSync(out, JSON.stringify({ maxRssMB: usage.maxRSS / 1024, heapMB: process.memoryUsage().heapUsed / 1e6, cpuMs, mainCpuMs: threadCpuMs() }));
  });
}
