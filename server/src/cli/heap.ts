/**
 * How much memory V8 may take for dsm-lint's heaps. A run over a fleet keeps
 * little alive (one file's parse per thread, a few summaries: about 10 MB
 * after a full collection, however many files), but V8 sizes its heaps by
 * the allocation it sees: left alone, each thread's young generation grew
 * from 2 to 32 MB over a long run and the old one let garbage pile up to
 * several times what was alive, so the peak memory of a run grew with the
 * number of files (100 MB for 1,200 files, 163 MB for 24,000, two threads).
 *
 * - A worker's young generation is capped when it is created (WORKER_LIMITS).
 * - This thread's cannot be: it may double up to YOUNG_MB, then its growth
 *   is stopped (`--semi-space-growth-factor=1`, read whenever V8 would grow
 *   it). A young generation of 2 MB, the start, made the collector cost a
 *   third of the run; 8 MB costs little more than 32.
 * - After a full collection the old generation may grow by a quarter of what
 *   survived, instead of up to four times, before the next one.
 *
 * The flags are the process's, but a worker thread starting up sets them
 * back to their defaults (Node 20): keepHeapSmall() is called at the start,
 * by each worker when it starts, and by this thread once a worker is online.
 * Measured in docs/performance.md.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'v8';

/** The young generation (its two semi-spaces) this thread grows to: it starts at 2 MB. */
const YOUNG_MB = 8;

/** A worker's young generation: semi-spaces of 4 MB (V8 counts three of them), where it would grow to 16 MB each. */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 };

let youngFull = false;

export function keepHeapSmall(): void {
  setFlagsFromString('--heap-growing-percent=25');
  if (youngFull) setFlagsFromString('--semi-space-growth-factor=1');
}

/** Called every few files: once this thread's young generation has reached YOUNG_MB, it grows no more. */
export function capYoungGeneration(): void {
  if (youngFull) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young || young.space_size < YOUNG_MB * 1024 * 1024) return;
  youngFull = true;
  keepHeapSmall();
}
