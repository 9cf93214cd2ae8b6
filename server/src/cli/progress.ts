/**
 * The progress line of a long run on a terminal: `dsm-lint: 1234 files
 * checked, now roles/web/templates/dsm.sys`, redrawn at most ten times a
 * second, shown once a run has lasted half a second (at once with
 * --progress), and wiped before any result is printed (results and progress
 * share the terminal).
 */
export const PROGRESS_DELAY_MS = 500;
const REDRAW_MS = 100;

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

export class Progress {
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  /** No stream: no progress line. `delayMs`: how long a run lasts before the line shows (0 when the user asked for it). */
  constructor(
    private readonly stream: ProgressStream | undefined,
    private readonly delayMs = PROGRESS_DELAY_MS,
  ) {}

  update(done: number, current: string): void {
    if (!this.stream) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.last < REDRAW_MS) return;
    this.last = now;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const line = `dsm-lint: ${done} files checked, now ${current}`;
    this.stream.write('\r\x1b[K' + (line.length > width ? line.slice(0, width - 1) + '…' : line));
    this.shown = true;
  }

  /** Wipes the line, before results are printed and at the end. */
  clear(): void {
    if (!this.shown) return;
    this.stream?.write('\r\x1b[K');
    this.shown = false;
  }
}
