import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Metadata removal for PDF, with pdf-lib in worker threads (pdf-worker.cjs says what is
 * removed and why a worker). A small pool keeps at most POOL_SIZE workers, reused from
 * job to job; a job that runs past its time limit has its worker killed and is refused.
 * A damaged, hostile or encrypted file is an error, never returned half-cleaned.
 */

export class EncryptedPdfError extends Error {
  constructor() {
    super('encrypted pdf');
    this.name = 'EncryptedPdfError';
  }
}

export class UncleanablePdfError extends Error {
  constructor(reason: string) {
    super(`pdf not cleaned: ${reason}`);
    this.name = 'UncleanablePdfError';
  }
}

/** Resolved from the project folder at run time: the worker is plain JS, not bundled. */
const WORKER_FILE = path.join(process.cwd(), 'lib', 'storage', 'metadata', 'pdf-worker.cjs');

/** Enough for a real 10 MB PDF on a busy 2-core machine; damaged input takes far longer. */
export const PDF_CLEAN_TIMEOUT_MS = 20_000;
/** Two cores are the norm here: more workers would only fight over them. */
const POOL_SIZE = 2;

type Reply = { id: number; bytes?: Uint8Array; error?: 'encrypted' | 'malformed' };
type Job = { id: number; bytes: Uint8Array; timeoutMs: number; resolve: (b: Buffer) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; job: Job | null; timer?: NodeJS.Timeout };

const idle: Slot[] = [];
const busy = new Set<Slot>();
const queue: Job[] = [];
let nextId = 1;

function spawn(): Slot {
  const worker = new Worker(WORKER_FILE, {
    // No inherited loaders (tsx, test runners): the worker is plain CommonJS.
    execArgv: [],
    // A file of at most the upload limit; a bomb of object streams stops here, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    stdout: true,
    stderr: true,
  });
  // An idle worker must not keep a script or a test run alive.
  worker.unref();
  const slot: Slot = { worker, job: null };
  worker.on('message', (reply: Reply) => {
    const job = slot.job;
    if (!job || reply.id !== job.id) return;
    settle(slot, () => {
      if (reply.bytes) job.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else job.reject(reply.error === 'encrypted' ? new EncryptedPdfError() : new UncleanablePdfError(reply.error ?? 'unknown'));
    });
  });
  const fail = (reason: string) => () => {
    const job = slot.job;
    retire(slot);
    if (job) job.reject(new UncleanablePdfError(reason));
    pump();
  };
  worker.on('error', fail('worker error'));
  worker.on('exit', fail('worker exited'));
  return slot;
}

/** Takes a worker out of the pool for good. */
function retire(slot: Slot): void {
  clearTimeout(slot.timer);
  busy.delete(slot);
  const at = idle.indexOf(slot);
  if (at >= 0) idle.splice(at, 1);
  slot.job = null;
}

function settle(slot: Slot, deliver: () => void): void {
  clearTimeout(slot.timer);
  slot.job = null;
  busy.delete(slot);
  idle.push(slot);
  slot.worker.unref();
  deliver();
  pump();
}

function pump(): void {
  while (queue.length > 0 && (idle.length > 0 || busy.size < POOL_SIZE)) {
    const job = queue.shift()!;
    const slot = idle.pop() ?? spawn();
    slot.job = job;
    busy.add(slot);
    slot.worker.ref(); // a running job keeps the process alive until it answers
    slot.timer = setTimeout(() => {
      retire(slot);
      void slot.worker.terminate();
      job.reject(new UncleanablePdfError('timeout'));
      pump();
    }, job.timeoutMs);
    // Transferred, not copied: the caller's own buffer is never touched (see below).
    slot.worker.postMessage({ id: job.id, bytes: job.bytes }, [job.bytes.buffer as ArrayBuffer]);
  }
}

export function stripPdfMetadata(input: Uint8Array, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const bytes = new Uint8Array(input); // a private copy, transferred to the worker
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ id: nextId++, bytes, timeoutMs: options.timeoutMs ?? PDF_CLEAN_TIMEOUT_MS, resolve, reject });
    pump();
  });
}
