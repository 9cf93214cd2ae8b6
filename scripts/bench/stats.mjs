// Small statistics and formatting helpers shared by the benchmarks.
import os from 'node:os';
import { execFileSync } from 'node:child_process';

export function median(values) {
  const a = [...values].sort((x, y) => x - y);
  if (!a.length) return NaN;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

export function quantile(values, q) {
  const a = [...values].sort((x, y) => x - y);
  if (!a.length) return NaN;
  return a[Math.min(a.length - 1, Math.floor(q * a.length))];
}

export const ms = (x) =>
  Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms' : String(x);
export const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';
export const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1) + ' MB';

/** The machine, as the figures should be read against it. */
export function environment() {
  const cpus = os.cpus();
  let npm = '?';
  try {
    npm = execFileSync('npm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // npm is not essential to the figures
  }
  return {
    node: process.version,
    v8: process.versions.v8,
    npm,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free`,
    loadavg: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
  };
}

/** A result line: what, the figure, the target, PASS/MISS (or INFO when there is no target). */
export function verdict(pass) {
  return pass === undefined ? 'INFO' : pass ? 'PASS' : 'MISS';
}
