import * as fs from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { SetupError } from '../errors.js';
import { archiveFs, scanArchive, type ArchiveFile, type ScanOptions } from './load.js';

/** Compiled (dist/) or from source: a worker from source needs tsx's loader, as the shards do. */
const COMPILED = import.meta.url.endsWith('.js');

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.url)
  .catch((e) => workerData.port.postMessage({ error: String((e && e.message) || e) }))
  .finally(() => {
    Atomics.store(workerData.done, 0, 1);
    Atomics.notify(workerData.done, 0);
  });
`;
/** A safety net only: past this, the scan is done here instead. */
const WAIT_MS = 120_000;

/** The archive's file list, being scanned on another thread while this one does other work. */
export interface BackgroundScan {
  /** The files if the scan is done (a SetupError if it failed), else undefined: never waits. */
  peek(): ArchiveFile[] | undefined;
  /** The files, waiting for the scan if need be. */
  wait(): ArchiveFile[];
}

/**
 * Scans the archive folder on a worker thread: a start from the cache stats every file (for the
 * fingerprint) while it reads the cache, on the machine's other core. Synchronous callers wait
 * with Atomics, so the command line stays synchronous. Where a worker cannot be used (file
 * operations swapped on this thread, as fault-injection tests do: a worker would not see them),
 * the scan runs here, at once.
 */
export function scanInBackground(dir: string, options: ScanOptions): BackgroundScan {
  const real = archiveFs.readdirSync === fs.readdirSync && archiveFs.statSync === fs.statSync && archiveFs.lstatSync === fs.lstatSync && archiveFs.realpathSync === fs.realpathSync;
  if (!real) return settled(() => scanArchive(dir, options));
  const done = new Int32Array(new SharedArrayBuffer(4));
  // The worker answers on a port of its own, which this thread reads without an event loop turn.
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    // A bootstrap raises the flag however the scan ends, even if its module fails to load: a
    // synchronous wait must never outlive the worker.
    worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { url: new URL(COMPILED ? './scan-worker.js' : './scan-worker.ts', import.meta.url).href, dir, options, done, port: port2 },
      transferList: [port2],
      execArgv: COMPILED ? [] : ['--import', import.meta.resolve('tsx')],
    });
  } catch {
    return settled(() => scanArchive(dir, options));
  }
  worker.unref();
  port1.unref();
  let result: { files?: ArchiveFile[]; error?: string; setup?: boolean } | undefined;
  const take = (): ArchiveFile[] | undefined => {
    if (!result) {
      const got = receiveMessageOnPort(port1);
      if (!got) return undefined;
      result = got.message as typeof result;
      port1.close();
    }
    if (result?.error !== undefined) {
      if (result.setup) throw new SetupError(result.error);
      // The worker itself failed (not the folder): scan here, which says what is wrong, if anything.
      result = { files: scanArchive(dir, options) };
    }
    return result?.files ?? [];
  };
  return {
    peek: () => (Atomics.load(done, 0) === 1 ? take() : undefined),
    wait: () => {
      Atomics.wait(done, 0, 0, WAIT_MS);
      return take() ?? scanArchive(dir, options);
    },
  };
}

/** A scan already done (or failed) here. */
function settled(scan: () => ArchiveFile[]): BackgroundScan {
  let files: ArchiveFile[] | undefined;
  let error: unknown;
  try {
    files = scan();
  } catch (e) {
    error = e;
  }
  const get = (): ArchiveFile[] => {
    if (files) return files;
    throw error;
  };
  return { peek: get, wait: get };
}
