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
  parentPort?.on('message', (job: FileJob) => parentPort?.postMessage(safeLint(job, checker, setup)));
}

interface Task {
  job: FileJob;
  resolve: (r: FileResult) => void;
}

export class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];

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

  private pump(): void {
    while (this.waiting.length) {
      const worker = this.idle.pop() ?? (this.workers.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.waiting.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.job);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: this.setup });
    this.workers.add(worker);
    worker.on('message', (result: FileResult) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      task?.resolve(result);
      this.pump();
    });
    // A worker that dies takes only its current file with it; the next file gets a new worker.
    worker.on('error', (e) => this.lost(worker, `internal error: a checking thread stopped (${e.message}).`));
    worker.on('exit', (code) => this.lost(worker, `internal error: a checking thread exited (${code}).`));
    return worker;
  }

  private lost(worker: Worker, why: string): void {
    if (!this.workers.delete(worker)) return;
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    task?.resolve({ display: task.job.display, problems: [], error: why });
    this.pump();
  }

  async close(): Promise<void> {
    const all = [...this.workers];
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
