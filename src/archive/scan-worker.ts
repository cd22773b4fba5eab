// The worker side of `scanInBackground`: scans the archive folder and posts the file list (or
// what went wrong) on the port it was given. The bootstrap that imports it raises the flag.
import { workerData, type MessagePort } from 'node:worker_threads';
import { SetupError } from '../errors.js';
import { scanArchive, type ScanOptions } from './load.js';

const { dir, options, port } = workerData as { dir: string; options: ScanOptions; port: MessagePort };
try {
  port.postMessage({ files: scanArchive(dir, options) });
} catch (e) {
  port.postMessage({ error: e instanceof Error ? e.message : String(e), setup: e instanceof SetupError });
}
