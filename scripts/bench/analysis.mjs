// Figure 1: full analysis (parse + diagnostics) of generated dsm.sys files of
// 1,000, 10,000 and 100,000 lines, against a baseline measured in the same
// process, interleaved run by run: text.split(/\r?\n/).map(l => l.trim()).
// Prints one JSON object on stdout.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDsmSys } from './generate.mjs';
import { median } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { DsmLanguageService } = require(path.join(root, 'out', 'server', 'src', 'service', 'languageService.js'));

const SIZES = [
  { lines: 1_000, runs: 201 },
  { lines: 10_000, runs: 61 },
  { lines: 100_000, runs: 21 },
];
const WARMUP = 5;
const URI = 'file:///etc/tsm/dsm.sys';

const svc = new DsmLanguageService();
let sink = 0;

function analysis(text) {
  const doc = svc.parse(text, URI);
  sink += svc.diagnostics(doc).length + doc.byLine.length;
}

function baseline(text) {
  sink += text.split(/\r?\n/).map((l) => l.trim()).length;
}

function time(fn, text) {
  const t = performance.now();
  fn(text);
  return performance.now() - t;
}

const results = [];
for (const { lines, runs } of SIZES) {
  const text = generateDsmSys(lines, 7);
  for (let i = 0; i < WARMUP; i++) {
    analysis(text);
    baseline(text);
  }
  const a = [];
  const b = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so that neither always pays for the other's garbage.
    let ta, tb;
    if (i % 2) {
      ta = time(analysis, text);
      tb = time(baseline, text);
    } else {
      tb = time(baseline, text);
      ta = time(analysis, text);
    }
    a.push(ta);
    b.push(tb);
    ratios.push(ta / tb);
  }
  const doc = svc.parse(text, URI);
  results.push({
    lines,
    bytes: Buffer.byteLength(text),
    runs,
    stanzas: doc.stanzas.length,
    diagnostics: svc.diagnostics(doc).length,
    analysisMs: median(a),
    baselineMs: median(b),
    ratio: median(ratios),
    nsPerLine: (median(a) * 1e6) / lines,
    baselineNsPerLine: (median(b) * 1e6) / lines,
  });
}

// Retained memory of one parsed 100,000-line document (needs --expose-gc).
let retainedBytesPerLine;
if (typeof globalThis.gc === 'function') {
  const text = generateDsmSys(100_000, 7);
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  let doc = svc.parse(text, URI);
  globalThis.gc();
  retainedBytesPerLine = (process.memoryUsage().heapUsed - before) / 100_000;
  sink += doc.lineCount;
  // Dropped, so that the next gc() frees it before the baseline is measured.
  // eslint-disable-next-line no-useless-assignment
  doc = undefined;
  globalThis.gc();
  const before2 = process.memoryUsage().heapUsed;
  let lines = text.split(/\r?\n/).map((l) => l.trim());
  globalThis.gc();
  results.baselineRetained = (process.memoryUsage().heapUsed - before2) / 100_000;
  sink += lines.length;
  // eslint-disable-next-line no-useless-assignment
  lines = undefined;
  process.stdout.write(
    JSON.stringify({
      sizes: results,
      retainedBytesPerLine,
      baselineRetainedBytesPerLine: results.baselineRetained,
      sink: sink > 0,
    }) + '\n',
  );
} else {
  process.stdout.write(JSON.stringify({ sizes: results, sink: sink > 0 }) + '\n');
}
