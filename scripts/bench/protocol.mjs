// Figures 2 to 4 and the memory figure, over the real protocol: the built
// server (dist/server.js --stdio) driven by the test suite's LSP client.
//  - didChange of one character -> its publishDiagnostics, on 10,000- and
//    100,000-line files, with the debounce set to 0 (DSM_LS_DEBOUNCE_MS=0)
//    so that only the work is timed;
//  - hover and completion latency on a 10,000-line file;
//  - heapUsed of the server over 1,000 edits (via heap-probe.cjs, preloaded);
//  - cold start: spawn -> initialize result.
// Prints one JSON object on stdout.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDsmSys, rng } from './generate.mjs';
import { median, quantile } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const { LspClient, SERVER } = require(path.join(root, 'out', 'test', 'protocol', 'lspClient.js'));
const { VSCODE } = require(path.join(root, 'out', 'test', 'protocol', 'profiles.js'));

/** How long a benchmark waits for diagnostics before it gives up (a 100,000-line document on a loaded machine). */
const WAIT_MS = 120000;
const { DsmLanguageService } = require(path.join(root, 'out', 'server', 'src', 'service', 'languageService.js'));
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const svc = new DsmLanguageService();

/** Starts the server with the heap probe preloaded and the debounce at 0 (or at its default). */
async function startServer({ debounce = '0' } = {}) {
  const saved = { debounce: process.env.DSM_LS_DEBOUNCE_MS, options: process.env.NODE_OPTIONS };
  if (debounce === undefined) delete process.env.DSM_LS_DEBOUNCE_MS;
  else process.env.DSM_LS_DEBOUNCE_MS = debounce;
  process.env.NODE_OPTIONS = `--expose-gc --require ${JSON.stringify(path.join(here, 'heap-probe.cjs'))}`;
  try {
    const client = new LspClient();
    await client.initialize(VSCODE.capabilities, VSCODE.initializationOptions);
    return client;
  } finally {
    for (const [k, v] of [
      ['DSM_LS_DEBOUNCE_MS', saved.debounce],
      ['NODE_OPTIONS', saved.options],
    ]) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The server's heap after a full collection, read through the probe. */
async function serverHeap(client) {
  const mark = client.stderr.length;
  client.process.kill('SIGUSR2');
  const deadline = Date.now() + 10000;
  for (;;) {
    const m = /DSM-HEAP (\{.*\})\n/.exec(client.stderr.slice(mark));
    if (m) return JSON.parse(m[1]);
    if (Date.now() > deadline) throw new Error('no heap figures from the server');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Lines of the document that hold an option, with the columns of name and first value. */
function optionLines(text) {
  const doc = svc.parse(text, 'file:///bench/dsm.sys');
  return doc.options
    .filter((o) => o.values.length)
    .map((o) => ({
      line: o.line,
      name: o.name.start + 1,
      value: o.values[0].start + 1,
      end: o.values[o.values.length - 1].end,
    }));
}

let version = 1;

/** One-character edits, alternately inserted at the end of an option line and removed again. Returns the latencies. */
async function timeEdits(client, uri, lines, count, random, { lineBreak = false } = {}) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const o = lines[Math.floor(random() * lines.length)];
    const insert = {
      range: { start: { line: o.line, character: o.end }, end: { line: o.line, character: o.end } },
      text: lineBreak ? '\n' : 'x',
    };
    const remove = lineBreak
      ? { range: { start: { line: o.line, character: o.end }, end: { line: o.line + 1, character: 0 } }, text: '' }
      : { range: { start: { line: o.line, character: o.end }, end: { line: o.line, character: o.end + 1 } }, text: '' };
    for (const change of [insert, remove]) {
      const v = ++version;
      const t = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [change],
      });
      await client.diagnostics(uri, v, WAIT_MS);
      times.push(performance.now() - t);
    }
  }
  return times;
}

async function timeRequests(client, method, paramsFor, count) {
  const times = [];
  let empty = 0;
  for (let i = 0; i < count; i++) {
    const params = paramsFor(i);
    const t = performance.now();
    const result = await client.request(method, params);
    times.push(performance.now() - t);
    if (result === null || (Array.isArray(result) && !result.length)) empty++;
  }
  return { times, empty };
}

const summary = (times) => ({
  medianMs: median(times),
  p90Ms: quantile(times, 0.9),
  maxMs: Math.max(...times),
  n: times.length,
});

async function didChangeFigures() {
  const out = {};
  const client = await startServer();
  try {
    for (const [lines, count] of [
      [10_000, 150],
      [100_000, 30],
    ]) {
      const uri = `file:///bench/${lines}/dsm.sys`;
      const text = generateDsmSys(lines, 11);
      await client.open(uri, text, ++version);
      await client.diagnostics(uri, version, WAIT_MS);
      const where = optionLines(text);
      const random = rng(lines);
      await timeEdits(client, uri, where, 10, random); // warm-up
      out[lines] = summary(await timeEdits(client, uri, where, count, random));
      if (lines === 10_000)
        out.lineBreak10k = summary(await timeEdits(client, uri, where, 40, random, { lineBreak: true }));
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await client.stop();
  }
  return out;
}

async function requestFigures() {
  // The default debounce: a hover right after an edit then finds the cached parse stale, as in the editor.
  const client = await startServer({ debounce: undefined });
  try {
    const uri = 'file:///bench/requests/dsm.sys';
    const text = generateDsmSys(10_000, 13);
    await client.open(uri, text, ++version);
    await client.diagnostics(uri, version, WAIT_MS);
    const where = optionLines(text);
    const random = rng(5);
    const pos = () => {
      const o = where[Math.floor(random() * where.length)];
      return { line: o.line, character: random() < 0.5 ? o.name : o.value };
    };
    const hoverParams = () => ({ textDocument: { uri }, position: pos() });
    await timeRequests(client, 'textDocument/hover', hoverParams, 50);
    const hover = await timeRequests(client, 'textDocument/hover', hoverParams, 400);
    // Completion of a value (keywords, servers, ports) and of an option name (the whole option list).
    const schedmode = where.filter((o) => /^\s*SCHEDMODe/i.test(text.split('\n')[o.line]));
    const valueParams = () => {
      const o = schedmode[Math.floor(random() * schedmode.length)];
      return { textDocument: { uri }, position: { line: o.line, character: o.value } };
    };
    const nameParams = () => {
      const o = where[Math.floor(random() * where.length)];
      return { textDocument: { uri }, position: { line: o.line, character: o.name } };
    };
    await timeRequests(client, 'textDocument/completion', valueParams, 50);
    const completionValue = await timeRequests(client, 'textDocument/completion', valueParams, 300);
    await timeRequests(client, 'textDocument/completion', nameParams, 20);
    const completionName = await timeRequests(client, 'textDocument/completion', nameParams, 150);
    const list = await client.request('textDocument/completion', nameParams());
    const resolveParams = (i) => list[i % list.length];
    await timeRequests(client, 'completionItem/resolve', resolveParams, 20);
    const resolve = await timeRequests(client, 'completionItem/resolve', resolveParams, 300);
    const withDocs = (await client.request('completionItem/resolve', list[0])).documentation !== undefined;
    // A hover right after an edit, before any check: the cached parse is stale, only the edited line is read again.
    const afterEdit = [];
    for (let i = 0; i < 150; i++) {
      const o = where[Math.floor(random() * where.length)];
      const v = ++version;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [
          {
            range: { start: { line: o.line, character: o.end }, end: { line: o.line, character: o.end } },
            text: i % 2 ? 'y' : '',
          },
        ],
      });
      const t = performance.now();
      await client.request('textDocument/hover', {
        textDocument: { uri },
        position: { line: o.line, character: o.name },
      });
      afterEdit.push(performance.now() - t);
    }
    return {
      hover: { ...summary(hover.times), nullAnswers: hover.empty },
      completionValue: { ...summary(completionValue.times), emptyAnswers: completionValue.empty },
      completionName: {
        ...summary(completionName.times),
        emptyAnswers: completionName.empty,
        items: list.length,
        bytes: Buffer.byteLength(JSON.stringify(list)),
      },
      completionResolve: { ...summary(resolve.times), documented: withDocs },
      hoverAfterEdit: summary(afterEdit),
    };
  } finally {
    await client.stop();
  }
}

async function memoryFigure() {
  const client = await startServer();
  try {
    const uri = 'file:///bench/memory/dsm.sys';
    const text = generateDsmSys(10_000, 17);
    await client.open(uri, text, ++version);
    await client.diagnostics(uri, version, WAIT_MS);
    const where = optionLines(text);
    const random = rng(99);
    await timeEdits(client, uri, where, 50, random);
    const before = await serverHeap(client);
    const samples = [];
    // 1,000 edits: most inside a line, one in ten adds or removes a line break.
    for (let round = 0; round < 10; round++) {
      await timeEdits(client, uri, where, 45, random);
      await timeEdits(client, uri, where, 5, random, { lineBreak: true });
      samples.push((await serverHeap(client)).heapUsed);
    }
    const after = await serverHeap(client);
    return {
      edits: 1000,
      lines: 10_000,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      rssAfter: after.rss,
      samples,
    };
  } finally {
    await client.stop();
  }
}

/**
 * The smallest server vscode-languageserver makes (a connection and a document
 * manager, answering initialize), bundled and minified as ours is: what the
 * library alone costs at start-up.
 */
async function librarySkeleton() {
  const esbuild = require('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-bench-skeleton-'));
  const outfile = path.join(dir, 'skeleton.js');
  await esbuild.build({
    stdin: {
      contents: `import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
        import { TextDocument } from 'vscode-languageserver-textdocument';
        const connection = createConnection(ProposedFeatures.all);
        new TextDocuments(TextDocument).listen(connection);
        connection.onInitialize(() => ({ capabilities: {} }));
        connection.listen();`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    outfile,
    logLevel: 'warning',
  });
  return { outfile, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Spawn -> initialize result, without any preload: the server, beside it the library's skeleton server and the null server (the floors). */
async function coldStart(runs) {
  const skeleton = await librarySkeleton();
  const server = [];
  const library = [];
  const floor = [];
  try {
    for (let i = 0; i < runs; i++) {
      server.push(await spawnToInitialize([SERVER, '--stdio']));
      library.push(await spawnToInitialize([skeleton.outfile, '--stdio']));
      floor.push(await spawnToInitialize([path.join(here, 'null-server.cjs')]));
    }
  } finally {
    skeleton.dispose();
  }
  return { server, library, floor };
}

async function spawnToInitialize(args) {
  {
    const t = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    const time = performance.now() - t;
    connection.dispose();
    child.kill();
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    return time;
  }
}

await coldStart(2); // warm the file system cache
const cold = await coldStart(15);
const didChange = await didChangeFigures();
const requests = await requestFigures();
const memory = await memoryFigure();
process.stdout.write(
  JSON.stringify({
    didChange,
    requests,
    memory,
    coldStart: {
      ...summary(cold.server),
      library: summary(cold.library),
      floor: summary(cold.floor),
      overheadMs: median(cold.server.map((t, i) => t - cold.floor[i])),
      overLibraryMs: median(cold.server.map((t, i) => t - cold.library[i])),
    },
  }) + '\n',
);
