// Preloaded by the fleet benchmark into each process it times
// (NODE_OPTIONS=--require): at exit it writes the process's peak resident
// memory and the CPU time it used (worker threads included: they share the
// process) to the file named by DSM_PROBE, as JSON. Nothing of it is part
// of dsm-lint.
'use strict';
const { isMainThread } = require('node:worker_threads');
if (isMainThread && process.env.DSM_PROBE) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(
      process.env.DSM_PROBE,
      JSON.stringify({ peakRss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }),
    );
  });
}
