/**
 * How much memory V8 may take for dsm-lint's heaps. A run over a fleet keeps
 * little alive (one file's parse per thread, a bounded cache of summaries:
 * about 10 MB after a full collection, however many files), but V8 sizes
 * its heaps by the allocation it sees: left alone, the young generation grew
 * from 2 to 32 MB and the old one let garbage pile up to three times what
 * was alive before collecting it, so the peak memory of a run grew with the
 * number of files (65 MB for 1,200 files, 114 MB for 24,000, on one thread).
 * The flags are the process's and read at each collection, but a worker
 * thread starting up sets them back to their defaults (Node 20): they are
 * set at the start of the run, by each worker when it starts, and by this
 * thread once a worker is online. Measured in docs/performance.md.
 */
import { setFlagsFromString } from 'v8';

export function keepHeapSmall(): void {
  // The young generation stays at its initial size (a semi-space of 1 MB on 64-bit machines) instead of doubling up to 16 MB.
  setFlagsFromString('--semi-space-growth-factor=1');
  // After a full collection the old generation may grow by a quarter of what survived before the next one, not by up to four times.
  setFlagsFromString('--heap-growing-percent=25');
}
