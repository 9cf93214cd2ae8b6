// Preloaded into the language server by the benchmarks (node --require):
// on SIGUSR2 it collects garbage (when node runs with --expose-gc) and
// writes the heap figures to stderr as one line, `DSM-HEAP {json}`.
// Nothing of it is part of the server.
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  const m = process.memoryUsage();
  process.stderr.write(
    `DSM-HEAP ${JSON.stringify({ heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external })}\n`,
  );
});
