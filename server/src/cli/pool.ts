/**
 * Checking many files at once: worker threads, each with its own language
 * service, fed one file at a time. `inOrder` keeps at most `window` files in
 * flight and gives the results back in the order the files came, so that
 * output streams and memory stays flat however many files there are.
 */
import { Worker, parentPort, workerData } from 'worker_threads';
import { Checker } from './check';
import { lintFile } from './lintFile';
import type { CheckSetup, FileJob, FileResult } from './types';

/** Checks a job, turning any exception (a bug) into a result that says so: one file never stops the run. */
export function safeLint(job: FileJob, checker: Checker, setup: CheckSetup): FileResult {
  try {
    return lintFile(job, checker, setup);
  } catch (e) {
    return { display: job.display, problems: [], error: `internal error while checking it: ${(e as Error).stack ?? e}` };
  }
}

/** The body of a worker thread: checks each job it is sent, with the setup it was started with. */
export function serveWorker(): void {
  const setup = workerData as CheckSetup;
  const checker = new Checker(setup);
  parentPort?.on('message', ({ id, job }: { id: number; job: FileJob }) => parentPort?.postMessage({ id, result: safeLint(job, checker, setup) }));
}

/**
 * Jobs sent ahead to each worker. A worker that got one job at a time would
 * wait a message's round trip between files, longer than checking one: a
 * few queued in its inbox keep it busy.
 */
export const PER_WORKER = 8;

interface Task {
  job: FileJob;
  resolve: (r: FileResult) => void;
}

export class WorkerPool {
  private readonly workers = new Map<Worker, Map<number, Task>>();
  private readonly waiting: Task[] = [];
  private nextId = 0;

  /** `script`: the module that calls serveWorker() when it is not the main thread (dsm-lint's own). */
  constructor(
    private readonly script: string,
    private readonly setup: CheckSetup,
    private readonly size: number,
  ) {}

  check(job: FileJob): Promise<FileResult> {
    return new Promise((resolve) => {
      this.waiting.push({ job, resolve });
      this.pump();
    });
  }

  /** The least busy worker with room, starting one while there are fewer than `size`. */
  private pick(): [Worker, Map<number, Task>] | undefined {
    let best: [Worker, Map<number, Task>] | undefined;
    for (const entry of this.workers) if (entry[1].size < PER_WORKER && (!best || entry[1].size < best[1].size)) best = entry;
    if ((!best || best[1].size > 0) && this.workers.size < this.size) return this.spawn();
    return best;
  }

  private pump(): void {
    while (this.waiting.length) {
      const picked = this.pick();
      if (!picked) return;
      const [worker, inFlight] = picked;
      const task = this.waiting.shift()!;
      const id = this.nextId++;
      inFlight.set(id, task);
      worker.postMessage({ id, job: task.job });
    }
  }

  private spawn(): [Worker, Map<number, Task>] {
    const worker = new Worker(this.script, { workerData: this.setup });
    const inFlight = new Map<number, Task>();
    this.workers.set(worker, inFlight);
    worker.on('message', ({ id, result }: { id: number; result: FileResult }) => {
      const task = inFlight.get(id);
      inFlight.delete(id);
      task?.resolve(result);
      this.pump();
    });
    // A worker that dies takes only its files in flight with it; the next files get a new worker.
    worker.on('error', (e) => this.lost(worker, `internal error: a checking thread stopped (${e.message}).`));
    worker.on('exit', (code) => this.lost(worker, `internal error: a checking thread exited (${code}).`));
    return [worker, inFlight];
  }

  private lost(worker: Worker, why: string): void {
    const inFlight = this.workers.get(worker);
    if (!inFlight) return;
    this.workers.delete(worker);
    for (const task of inFlight.values()) task.resolve({ display: task.job.display, problems: [], error: why });
    this.pump();
  }

  async close(): Promise<void> {
    const all = [...this.workers.keys()];
    this.workers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/** The results of `check` over `items`, in the items' order, with at most `window` in flight. */
export async function* inOrder<T, R>(items: AsyncIterable<T>, check: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const queue: Promise<R>[] = [];
  for await (const item of items) {
    queue.push(check(item));
    if (queue.length >= window) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}
