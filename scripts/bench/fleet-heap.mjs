// Part of figure 7: what dsm-lint keeps while it checks a fleet. The same
// work as `dsm-lint --jobs 1 <folder>` for each file (the command's Checker:
// the service and its disk workspace), in this process, with a full garbage
// collection every `--every` files, after which the live heap is recorded.
// Peak RSS (fleet.mjs) says how much room V8 took; this says what is kept.
//
//   node --expose-gc scripts/bench/fleet-heap.mjs <folder> [--every 4000]
// Prints one JSON object: { files, every, liveHeapMb: [...] }.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { Checker } = require(path.join(root, 'out', 'server', 'src', 'cli', 'check.js'));
const { checkSettings } = require(path.join(root, 'out', 'server', 'src', 'service', 'settings.js'));
const { walk } = require(path.join(root, 'out', 'server', 'src', 'cli', 'walk.js'));

const dir = process.argv[2];
const everyAt = process.argv.indexOf('--every');
const every = everyAt > 0 ? Number(process.argv[everyAt + 1]) : 4000;
if (!dir || typeof globalThis.gc !== 'function')
  throw new Error('usage: node --expose-gc fleet-heap.mjs <folder> [--every N]');

const checker = new Checker({ settings: checkSettings(undefined).settings, fix: 'none', fixCodes: 'all' });
const liveHeapMb = [];
let files = 0;
for (const item of walk([dir], false)) {
  if (!('path' in item)) continue;
  const text = fs.readFileSync(item.path, 'utf8');
  checker.problems(text, pathToFileURL(path.resolve(item.path)).href);
  if (++files % every === 0) {
    globalThis.gc();
    liveHeapMb.push(Number((process.memoryUsage().heapUsed / 1048576).toFixed(1)));
  }
}
process.stdout.write(JSON.stringify({ files, every, liveHeapMb }) + '\n');
