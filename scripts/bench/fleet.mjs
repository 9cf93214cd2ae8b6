// Figure 7: dsm-lint over a fleet. Generates realistic hosts (a dsm.sys of
// about 100 lines each, from generate.mjs, and a dsm.opt beside every fifth)
// in a temporary folder, then times, interleaved run by run and each as a
// process of its own (Node's start-up included on both sides):
//   - the bare baseline: fleet-baseline.mjs walks, reads and splits the files;
//   - dsm-lint on all of them, with --jobs 1 and with --jobs <cores> (the default
//     is one thread per idle core: on a busy machine, fewer);
// and measures dsm-lint's peak memory (RSS, threads included) over fleets of
// growing size. Prints the figures, then one JSON object on the last line.
// Usage: node scripts/bench/fleet.mjs [--files 10000] [--runs 5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateDsmSys } from './generate.mjs';
import { mb, median } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const DSM_LINT = path.join(root, 'dist', 'dsm-lint.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const FILES = arg('--files', 10_000);
const RUNS = arg('--runs', 5);
const MEMORY_SIZES = [FILES / 10, FILES, FILES * 2];

function generate(dir, hosts) {
  let lines = 0;
  for (let i = 0; i < hosts; i++) {
    const host = path.join(dir, `rack${String(i % 100).padStart(2, '0')}`, `host${String(i).padStart(6, '0')}`);
    fs.mkdirSync(host, { recursive: true });
    const text = generateDsmSys(95 + (i % 11), i + 1);
    lines += text.split('\n').length;
    fs.writeFileSync(path.join(host, 'dsm.sys'), text);
    if (i % 5 === 0)
      fs.writeFileSync(path.join(host, 'dsm.opt'), `* user options\nSErvername SRV1\nDOMain /home /data\n`);
  }
  return lines;
}

const PROBE = path.join(os.tmpdir(), `dsm-fleet-probe-${process.pid}`);

/** What dsm-lint keeps, file after file (fleet-heap.mjs): the live heap after a full collection. */
function liveHeap(dir) {
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(here, 'fleet-heap.mjs'), dir], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`fleet-heap.mjs exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Runs node with these arguments: wall time, and (from rss-probe.cjs) CPU time and peak memory. */
function timed(args) {
  const env = { ...process.env, NODE_OPTIONS: `--require ${path.join(here, 'rss-probe.cjs')}`, DSM_PROBE: PROBE };
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const probe = JSON.parse(fs.readFileSync(PROBE, 'utf8'));
  fs.rmSync(PROBE, { force: true });
  return { ms, ...probe };
}

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-fleet-'));
try {
  const fleet = path.join(top, 'fleet');
  const lines = generate(fleet, FILES);
  const files = FILES + Math.ceil(FILES / 5);
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const runs = { base: [], one: [], many: [] };
  const commands = {
    base: [path.join(here, 'fleet-baseline.mjs'), fleet],
    one: [DSM_LINT, '--jobs', '1', fleet],
    many: [DSM_LINT, '--jobs', String(cores), fleet],
  };
  // One warm-up of each (the page cache, V8's code cache), then interleaved runs, the order alternating.
  timed(commands.base);
  timed(commands.one);
  for (let run = 0; run < RUNS; run++) {
    for (const what of run % 2 ? ['many', 'one', 'base'] : ['base', 'one', 'many'])
      runs[what].push(timed(commands[what]));
  }
  const ratio = (what, key) => median(runs[what].map((r, i) => r[key] / runs.base[i][key]));
  const med = (what, key) => median(runs[what].map((r) => r[key]));
  const memory = [];
  let live;
  for (const n of MEMORY_SIZES) {
    const dir = path.join(top, `memory-${n}`);
    generate(dir, n);
    memory.push({
      hosts: n,
      files: n + Math.ceil(n / 5),
      peakRss: timed([DSM_LINT, '--jobs', String(cores), dir]).peakRss,
    });
    if (n === MEMORY_SIZES[MEMORY_SIZES.length - 1]) live = liveHeap(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const result = {
    hosts: FILES,
    files,
    lines,
    cores,
    runs: RUNS,
    loadavg: os.loadavg(),
    baselineMs: med('base', 'ms'),
    oneJobMs: med('one', 'ms'),
    defaultJobsMs: med('many', 'ms'),
    baselineCpuMs: med('base', 'cpuMs'),
    oneJobCpuMs: med('one', 'cpuMs'),
    defaultJobsCpuMs: med('many', 'cpuMs'),
    ratio: ratio('many', 'ms'),
    oneJobRatio: ratio('one', 'ms'),
    cpuRatio: ratio('one', 'cpuMs'),
    speedUp: med('one', 'ms') / med('many', 'ms'),
    memory,
    live,
  };
  console.log(
    `fleet: ${files} files (${FILES} dsm.sys of ~100 lines, ${files - FILES} dsm.opt), ${lines} lines; ${cores} cores; median of ${RUNS} runs`,
  );
  console.log(
    `  bare Node (walk, read, split)  ${result.baselineMs.toFixed(0)} ms, CPU ${result.baselineCpuMs.toFixed(0)} ms`,
  );
  console.log(
    `  dsm-lint --jobs 1              ${result.oneJobMs.toFixed(0)} ms, CPU ${result.oneJobCpuMs.toFixed(0)} ms`,
  );
  console.log(
    `  dsm-lint (--jobs ${cores})             ${result.defaultJobsMs.toFixed(0)} ms, CPU ${result.defaultJobsCpuMs.toFixed(0)} ms`,
  );
  console.log(
    `  dsm-lint / bare, median of the runs' ratios: ${result.ratio.toFixed(2)}x with --jobs ${cores} (target <= 2.5x), ${result.oneJobRatio.toFixed(2)}x with --jobs 1; CPU time ${result.cpuRatio.toFixed(2)}x`,
  );
  console.log(`  --jobs ${cores} speed-up over --jobs 1: ${result.speedUp.toFixed(2)}x`);
  console.log(`  load average at the end: ${result.loadavg.map((x) => x.toFixed(1)).join(' ')}`);
  for (const m of memory) console.log(`  peak RSS, ${m.files} files: ${mb(m.peakRss)}`);
  console.log(
    `  live heap after a full collection, every ${live.every} of ${live.files} files: ${live.liveHeapMb.join(', ')} MB`,
  );
  console.log(JSON.stringify(result));
} finally {
  fs.rmSync(top, { recursive: true, force: true });
}
