// Figure 6: the TextMate grammar (syntaxes/dsm.tmLanguage.json) under
// vscode-textmate + vscode-oniguruma, the engine VS Code runs it with:
// 10,000 realistic lines (total and worst line), and hostile lines of
// 10,000, 50,000 and 100,000 characters (quotes, asterisks, tabs, ...),
// each tokenized alone, to find the worst line and show the growth.
// Prints one JSON object on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generateDsmSys, rng } from './generate.mjs';
import { median } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (s) => new oniguruma.OnigScanner(s),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async (scope) => {
    if (scope !== 'source.dsm') return null;
    const file = path.join(root, 'syntaxes', 'dsm.tmLanguage.json');
    return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
  },
});
const grammar = await registry.loadGrammar('source.dsm');

/** Tokenizes lines in order, carrying the state, as the editor does; VS Code uses tokenizeLine2. */
function tokenizeDocument(lines) {
  let state = vsctm.INITIAL;
  let worst = 0;
  let worstLine = -1;
  let tokens = 0;
  const t0 = performance.now();
  for (let i = 0; i < lines.length; i++) {
    const t = performance.now();
    const r = grammar.tokenizeLine2(lines[i], state);
    const dt = performance.now() - t;
    if (dt > worst) {
      worst = dt;
      worstLine = i;
    }
    tokens += r.tokens.length / 2;
    state = r.ruleStack;
  }
  return { totalMs: performance.now() - t0, worstMs: worst, worstLine, tokens };
}

function timeLine(line, runs) {
  const times = [];
  let tokens = 0;
  let stoppedEarly = false;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = grammar.tokenizeLine2(line, vsctm.INITIAL);
    times.push(performance.now() - t);
    tokens = r.tokens.length / 2;
    stoppedEarly ||= r.stoppedEarly;
  }
  // Tokens as tokenizeLine counts them (one per match; tokenizeLine2 merges neighbours of one colour).
  const matches = grammar.tokenizeLine(line, vsctm.INITIAL).tokens.length;
  return { ms: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), tokens, matches, stoppedEarly };
}

// Realistic: a generated 10,000-line dsm.sys, tokenized three times (the first warms up).
const realistic = generateDsmSys(10_000, 23).split('\n');
tokenizeDocument(realistic);
const runs = [tokenizeDocument(realistic), tokenizeDocument(realistic), tokenizeDocument(realistic)];
const realisticResult = {
  lines: realistic.length,
  totalMs: median(runs.map((r) => r.totalMs)),
  worstLineMs: Math.max(...runs.map((r) => r.worstMs)),
  worstLineMedianOfRuns: median(runs.map((r) => r.worstMs)),
  tokens: runs[0].tokens,
};

/** Hostile lines of n characters. */
function hostile(n) {
  const r = rng(n);
  const fill = (unit) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const randomOf = (alphabet) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
  return {
    'double quotes': fill('"'),
    'single quotes': fill("'"),
    asterisks: fill('*'),
    tabs: fill('\t'),
    hashes: fill('#'),
    'option + quotes': 'INCLUDE ' + fill('"').slice(8),
    'option + alternating quotes': 'EXCLUDE.DIR ' + fill(`'"`).slice(12),
    'option + quote-blank pairs': 'SCHEDLOGName ' + fill('" ').slice(13),
    'option + blank words': 'DOMain ' + fill('a ').slice(7),
    'option + tabs then word': 'TCPServeraddress' + fill('\t').slice(17) + 'x',
    'stanza header + junk': 'SErvername ' + randomOf(`"'* \t#x-.`).slice(11),
    'host option + junk': 'TCPServeraddress ' + randomOf(`"'* \tab.1:`).slice(17),
    'random option chars': 'x' + randomOf(`"'*# \tAZaz09.-/\\:`).slice(1),
    'unterminated quote + blanks': 'INCLUDE "' + fill(' ').slice(9),
  };
}

const hostileResult = {};
for (const n of [10_000, 20_000, 50_000, 100_000]) {
  for (const [kind, line] of Object.entries(hostile(n))) {
    (hostileResult[kind] ??= {})[n] = timeLine(line, n >= 50_000 ? 5 : 9);
  }
}
let worst = { kind: '', ms: 0 };
for (const [kind, bySize] of Object.entries(hostileResult)) {
  if (bySize[100_000].ms > worst.ms) worst = { kind, ms: bySize[100_000].ms, tokens: bySize[100_000].tokens };
}
process.stdout.write(
  JSON.stringify({ realistic: realisticResult, hostile: hostileResult, worstHostile: worst }) + '\n',
);
