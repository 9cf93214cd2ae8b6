/**
 * Checking many files at once: `--jobs n` checks on n threads, this one and
 * n - 1 workers, each with its own language service. Files go to a worker
 * in batches (one message for BATCH files, one back for their results: a
 * message per file cost about a tenth of a worker's time), a worker keeps
 * two batches queued so it never waits for the next, and this thread checks
 * a batch itself whenever the workers are full, between walking the folders
 * and writing the results. `inOrder` keeps at most `window` files in flight
 * and gives the results back in the order the files came, so that output
 * streams and memory stays flat however many files there are.
 */
import { Worker, parentPort, workerData } from 'worker_threads';
import { Checker } from './check';
import { WORKER_LIMITS, capYoungGeneration, keepHeapSmall } from './heap';
import { lintFile } from './lintFile';
import type { CheckSetup, FileJob, FileResult } from './types';

/** Checks a job, turning any exception (a bug) into a result that says so: one file never stops the run. */
export function safeLint(job: FileJob, checker: Checker, setup: CheckSetup): FileResult {
  try {
    return lintFile(job, checker, setup);
  } catch (e) {
    return {
      display: job.display,
      problems: [],
      error: `internal error while checking it: ${(e as Error).stack ?? e}`,
    };
  }
}

interface BatchMessage {
  id: number;
  jobs: FileJob[];
}

interface ResultsMessage {
  id: number;
  results: FileResult[];
}

/** The body of a worker thread: checks each batch it is sent, with the setup it was started with. */
export function serveWorker(): void {
  keepHeapSmall();
  const setup = workerData as CheckSetup;
  const checker = new Checker(setup);
  parentPort?.on('message', ({ id, jobs }: BatchMessage) => {
    const message: ResultsMessage = { id, results: jobs.map((job) => safeLint(job, checker, setup)) };
    parentPort?.postMessage(message);
  });
}

/** Files per message to a worker: about 20 ms of checking at 100 lines a file. */
export const BATCH = 64;
/** Batches queued per worker. */
const QUEUED = 2;

/**
 * How many files a run of `threads` threads keeps in flight. Results are
 * written in order, so a thread that has checked the whole window waits for
 * the batch at its head: a window of a few batches kept this thread idle
 * while a worker started or was behind. A result is small (most are empty).
 */
export function windowFor(threads: number): number {
  return threads * BATCH * 16;
}

interface Task {
  job: FileJob;
  resolve: (r: FileResult) => void;
}

interface Lane {
  worker: Worker;
  /** Batches sent and not answered, by id. */
  batches: Map<number, Task[]>;
  online: boolean;
}

export class WorkerPool {
  private readonly lanes = new Set<Lane>();
  private waiting: Task[] = [];
  private nextId = 0;
  private flushing = false;
  private closed = false;
  /** Workers started and not yet running. */
  private starting = 0;

  /**
   * `script`: the module that calls serveWorker() when it is not the main
   * thread (dsm-lint's own); `workers`: how many to start at most; `local`:
   * how this thread checks a file itself.
   */
  constructor(
    private readonly script: string,
    private readonly setup: CheckSetup,
    private readonly workers: number,
    private readonly local: (job: FileJob) => FileResult,
  ) {}

  check(job: FileJob): Promise<FileResult> {
    return new Promise((resolve) => {
      this.waiting.push({ job, resolve });
      this.schedule();
    });
  }

  /** Files are handed out once the files of this turn are all queued: full batches, not one file each. */
  private schedule(): void {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      this.flush();
    });
  }

  private take(): Task[] {
    const batch = this.waiting.length <= BATCH ? this.waiting : this.waiting.slice(0, BATCH);
    this.waiting = this.waiting.length <= BATCH ? [] : this.waiting.slice(BATCH);
    return batch;
  }

  private flush(): void {
    if (this.closed) return;
    // A worker starting up sets V8's flags back to the process's own (heap.ts): set again until every worker runs.
    if (this.starting) keepHeapSmall();
    if (this.lanes.size < this.workers && this.waiting.length) this.spawn();
    // Only to a worker that runs: the first files would otherwise wait for its start-up, and every result after them with them.
    for (const lane of this.lanes) {
      while (lane.online && this.waiting.length && lane.batches.size < QUEUED) this.send(lane, this.take());
    }
    // The workers are full: this thread checks one batch, then lets their answers in before it looks again.
    if (this.waiting.length) {
      for (const task of this.take()) task.resolve(this.local(task.job));
      // Not while a worker starts: stopping this thread's growth stops a young worker's too (the flag is the process's).
      if (!this.starting && this.lanes.size) capYoungGeneration();
      this.schedule();
    }
  }

  private send(lane: Lane, tasks: Task[]): void {
    const id = this.nextId++;
    lane.batches.set(id, tasks);
    const message: BatchMessage = { id, jobs: tasks.map((t) => t.job) };
    lane.worker.postMessage(message);
  }

  private spawn(): void {
    const worker = new Worker(this.script, { workerData: this.setup, resourceLimits: WORKER_LIMITS });
    const lane: Lane = { worker, batches: new Map(), online: false };
    this.lanes.add(lane);
    this.starting++;
    worker.once('online', () => {
      lane.online = true;
      this.starting--;
      keepHeapSmall();
      this.schedule();
    });
    worker.on('message', ({ id, results }: ResultsMessage) => {
      const tasks = lane.batches.get(id) ?? [];
      lane.batches.delete(id);
      tasks.forEach((task, i) => task.resolve(results[i]));
      this.schedule();
    });
    // A worker that dies takes only its files in flight with it; the next files get a new worker.
    worker.on('error', (e) => this.lost(lane, `internal error: a checking thread stopped (${e.message}).`));
    worker.on('exit', (code) => this.lost(lane, `internal error: a checking thread exited (${code}).`));
  }

  private lost(lane: Lane, why: string): void {
    if (!this.lanes.delete(lane)) return;
    if (!lane.online) this.starting--;
    for (const tasks of lane.batches.values())
      for (const task of tasks) task.resolve({ display: task.job.display, problems: [], error: why });
    this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.lanes].map((l) => l.worker);
    this.lanes.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/** The results of `check` over `items`, in the items' order, with at most `window` in flight. */
export async function* inOrder<T, R>(
  items: AsyncIterable<T>,
  check: (item: T) => Promise<R>,
  window: number,
): AsyncGenerator<R> {
  const queue: Promise<R>[] = [];
  for await (const item of items) {
    queue.push(check(item));
    if (queue.length >= window) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}
