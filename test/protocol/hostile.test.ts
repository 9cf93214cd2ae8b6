/**
 * The built server (dist/server.js --stdio) against hostile input and abuse
 * of the protocol. Each case runs within a time limit, the server's memory is
 * checked, and afterwards the server must still answer a hover. Then a whole
 * session under an audit preload: the server never runs a program and never
 * opens a network connection.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, SERVER, SMALL_WAIT_MS } from './lspClient';
import { VSCODE } from './profiles';

type Hover = { contents: { kind: string; value: string }; range?: unknown } | null;
type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** The peak resident memory of a process, in MB (Linux; undefined elsewhere). */
function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

let alive = 0;
/** The server still answers: a hover on a small document opened now. */
async function assertAlive(client: LspClient): Promise<void> {
  assert.equal(client.process?.exitCode ?? null, null, `the server exited: ${client.stderr.slice(-2000)}`);
  const uri = `file:///alive/${++alive}/dsm.sys`;
  await client.open(
    uri,
    'SErvername a\n  TCPServeraddress bucky5.doit.wisc.edu\n  TCPPort 1503\n  SCHEDMODE POLLING\n',
  );
  const h = await client.request<Hover>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 1, character: 25 },
  });
  assert.match(h?.contents.value ?? '', /Enterprise server, port 1503/);
}

async function started(): Promise<LspClient> {
  assert.ok(fs.existsSync(SERVER), 'run npm run build first');
  const client = new LspClient();
  await client.initialize(VSCODE.capabilities, VSCODE.initializationOptions);
  return client;
}

/** A realistic dsm.sys of about `bytes` characters: a few stanzas, then long include/exclude lists. */
function bigDsmSys(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      i % 5000 === 0
        ? `SErvername s${i}\n   TCPServeraddress bucky2.doit.wisc.edu\n   SCHEDMODE POLLING\n`
        : i % 17 === 0
          ? `   * reviewed ${i}\n`
          : `   INCLUDE "/data/project ${i % 97}/.../*" MC_HOME\n   EXCLUDE.DIR /scratch/${i}\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

const MAX_RSS_MB = 2048;

describe('the built server against hostile documents', () => {
  const cases: {
    name: string;
    text: () => string;
    limit: number;
    probes: { line: number; character: number }[];
    file?: string;
  }[] = [
    {
      name: 'a 50 MB document',
      text: () => bigDsmSys(50 * 1024 * 1024),
      limit: 60000,
      probes: [
        { line: 500000, character: 5 },
        { line: 3, character: 4 },
      ],
    },
    {
      name: 'a 1 MB line',
      text: () => 'SErvername x\n  INCLUDE ' + `"a b' *#\t`.repeat(105000) + '\n  SCHEDMODE PROMPTED\n',
      limit: 20000,
      probes: [
        { line: 1, character: 500000 },
        { line: 1, character: 3 },
      ],
    },
    {
      name: 'NUL and other binary bytes',
      text: () =>
        Array.from({ length: 2000 }, (_, i) =>
          String.fromCharCode(...Array.from({ length: 40 }, (_, k) => (i * 40 + k) % 65536)).replace(/[\r\n]/g, '\0'),
        ).join('\n'),
      limit: 20000,
      probes: [
        { line: 0, character: 3 },
        { line: 1999, character: 39 },
      ],
    },
    {
      name: 'lone surrogates',
      text: () =>
        Array.from(
          { length: 2000 },
          (_, i) => `SErvername \uD800${i}\n  NODename \uDC00\uD83D x\uDFFF\n  INCLUDE "\uD800/x\uDBFF" \uDC01`,
        ).join('\n'),
      limit: 20000,
      probes: [
        { line: 1, character: 12 },
        { line: 2, character: 11 },
      ],
    },
    {
      name: '100,000 stanzas',
      text: () =>
        Array.from({ length: 100000 }, (_, i) => `SErvername s${i}\n  TCPServeraddress bucky1.doit.wisc.edu\n`).join(
          '',
        ),
      limit: 60000,
      probes: [
        { line: 199999, character: 20 },
        { line: 100000, character: 3 },
      ],
    },
    {
      name: 'a Jinja template of 20,000 branches, 10,000 nested ifs and a tag never closed',
      file: 'dsm.sys.j2',
      text: () =>
        Array.from(
          { length: 20000 },
          (_, i) => `{% if a${i} %}\nSErvername x\n TCPPort 1\n{% else %}\n TCPPort {{ p }}\n{% endif %}`,
        ).join('\n') +
        '\n' +
        '{%- if b -%}\n'.repeat(10000) +
        ' SCHEDMODE PROMPTED\n{{ never closed\n',
      limit: 20000,
      probes: [
        { line: 2, character: 10 },
        { line: 4, character: 12 },
      ],
    },
    {
      name: 'deep runs of quotes',
      text: () =>
        [
          'SErvername q',
          '  INCLUDE ' + '"'.repeat(200000),
          '  EXCLUDE ' + `'"`.repeat(100000),
          "'".repeat(200000),
          '  NODename "' + ' '.repeat(100000),
        ].join('\n'),
      limit: 20000,
      probes: [
        { line: 1, character: 100000 },
        { line: 3, character: 5 },
      ],
    },
  ];

  for (const c of cases) {
    it(
      `${c.name}: checked in bounded time and memory, and the server still answers`,
      { timeout: c.limit + 20000 },
      async () => {
        const client = await started();
        try {
          const uri = `file:///hostile/${c.name.replace(/\W+/g, '-')}/${c.file ?? 'dsm.sys'}`;
          const text = c.text();
          const t = performance.now();
          await client.open(uri, text);
          const published = await client.diagnostics(uri, 1, c.limit);
          const seconds = (performance.now() - t) / 1000;
          assert.ok(
            published.diagnostics.length <= 1000,
            `${published.diagnostics.length} diagnostics published: more than the cap`,
          );
          for (const p of c.probes) {
            await client.request('textDocument/hover', { textDocument: { uri }, position: p }, c.limit);
            await client.request('textDocument/completion', { textDocument: { uri }, position: p }, c.limit);
          }
          // One character typed into the hostile document is checked again, too.
          await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [
              { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
            ],
          });
          await client.diagnostics(uri, 2, c.limit);
          await assertAlive(client);
          const rss = peakRssMb(client.process?.pid);
          if (rss !== undefined) assert.ok(rss < MAX_RSS_MB, `peak memory ${rss.toFixed(0)} MB`);
          process.stdout.write(
            `# ${c.name}: ${(text.length / 1e6).toFixed(1)} M chars, checked in ${seconds.toFixed(1)} s, peak RSS ${rss?.toFixed(0) ?? '?'} MB\n`,
          );
        } finally {
          await client.stop();
        }
      },
    );
  }
});

describe('the built server against abuse of the protocol', () => {
  let client: LspClient;
  const uri = 'file:///abuse/dsm.sys';
  before(async () => {
    client = await started();
    await client.open(uri, 'SErvername a\n  TCPServeraddress bucky5.doit.wisc.edu\n  TCPPort 1503\n', 5);
    await client.diagnostics(uri, 5, SMALL_WAIT_MS);
  });
  after(async () => client.stop());

  it('answers requests about documents it never saw with empty results', async () => {
    const other = { uri: 'file:///never/opened/dsm.sys' };
    const zero = { line: 0, character: 0 };
    assert.equal(await client.request('textDocument/hover', { textDocument: other, position: zero }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: other, position: zero }), []);
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        textDocument: other,
        range: { start: zero, end: zero },
        context: { diagnostics: [] },
      }),
      [],
    );
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: other }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: other }), []);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: other });
    await assertAlive(client);
  });

  it('answers positions past the end, or negative, without failing', async () => {
    for (const position of [
      { line: 1e6, character: 1e9 },
      { line: 1, character: 1e9 },
      { line: -1, character: -5 },
      { line: 2.5, character: 0.5 },
    ]) {
      await client.request('textDocument/hover', { textDocument: { uri }, position });
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      for (const method of ['textDocument/definition', 'textDocument/documentHighlight'])
        await client.request(method, { textDocument: { uri }, position });
      const range = { start: position, end: position };
      await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    }
    await assertAlive(client);
  });

  it('takes changes with stale or repeated versions, and changes past the end, and stays consistent', async () => {
    for (const [version, range] of [
      [3, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }],
      [3, { start: { line: 50, character: 0 }, end: { line: 60, character: 9 } }],
      [1, { start: { line: 2, character: 500 }, end: { line: 2, character: 600 } }],
    ] as const) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: '*' }],
      });
    }
    // The document is what the editor would hold: three stars added, at the start, at the end, and at the end of line 2.
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 25 },
    });
    assert.match(h?.contents.value ?? '', /Enterprise server/);
    await assertAlive(client);
  });

  it('answers an unknown method with MethodNotFound and stays up', async () => {
    await assert.rejects(client.request('dsm/doesNotExist', { x: 1 }), (e: { code?: number }) => e.code === -32601);
    await assert.rejects(
      client.request('textDocument/implementation', { textDocument: { uri }, position: { line: 0, character: 0 } }),
      (e: { code?: number }) => e.code === -32601,
    );
    await client.connection.sendNotification('dsm/unknownNotification', { x: 1 });
    await assertAlive(client);
  });

  it('answers malformed parameters with an error or an empty answer, and stays up', async () => {
    const requests: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: {} }],
      ['textDocument/hover', { textDocument: { uri }, position: null }],
      ['textDocument/completion', { textDocument: { uri: 42 }, position: 'x' }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri } }],
      ['textDocument/documentSymbol', {}],
      ['textDocument/foldingRange', null],
      ['completionItem/resolve', null],
      ['completionItem/resolve', { label: 'x', data: { option: 42 } }],
      ['completionItem/resolve', { label: 'x', data: { option: 'NOSUCHoption' } }],
      ['workspace/executeCommand', {}],
      ['workspace/executeCommand', { command: 'rm -rf /', arguments: [1] }],
      ['textDocument/definition', { textDocument: { uri }, position: null }],
      ['textDocument/references', { textDocument: { uri }, position: { line: -1, character: 'x' } }],
      ['textDocument/documentHighlight', {}],
      ['textDocument/prepareRename', { textDocument: { uri }, position: { line: 1e9, character: 0 } }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 42 }],
      ['textDocument/documentLink', { textDocument: null }],
      ['workspace/symbol', { query: { not: 'a string' } }],
    ];
    for (const [method, params] of requests) {
      await client
        .request(method, params)
        .catch((e: { code?: number }) => assert.equal(typeof e.code, 'number', `${method}: ${e}`));
    }
    for (const [method, params] of [
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///m/dsm.sys', text: 42 } }],
      ['textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ range: 'x', text: 5 }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: null }],
      ['textDocument/didChange', {}],
      ['textDocument/didClose', {}],
      [
        'workspace/didChangeConfiguration',
        { settings: { dsm: { severity: 'loud', serverCatalog: { servers: [null, { address: '' }] } } } },
      ],
      ['workspace/didChangeConfiguration', null],
      [
        'workspace/didChangeWatchedFiles',
        { changes: [null, { uri: 42, type: 2 }, { uri: 'file:///m/dsm.sys', type: 'x' }] },
      ],
      ['workspace/didChangeWatchedFiles', null],
      ['workspace/didChangeWorkspaceFolders', { event: null }],
    ] as [string, unknown][]) {
      await client.connection.sendNotification(method, params);
    }
    await assertAlive(client);
    // The document is still served after the malformed changes.
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 25 },
    });
    assert.match(h?.contents.value ?? '', /Enterprise server/);
  });

  it('checks every other document again after a settings change, even when one of them cannot be checked', async () => {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///abuse/bad/dsm.sys', languageId: 'dsm', version: 1, text: 42 },
    });
    const good = 'file:///abuse/good/dsm.sys';
    await client.open(good, 'SErvername a\n  SCHEDMODE PROMPTED\n');
    await client.diagnostics(good, 1, SMALL_WAIT_MS);
    // This client answers workspace/configuration (as VS Code does): the settings come from there.
    client.settings = { severity: { 'schedmode-prompted': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const again = await client.diagnostics(good, 1, SMALL_WAIT_MS);
    assert.deepEqual(
      again.diagnostics.map((d) => d.code),
      [],
    );
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(good, 1, SMALL_WAIT_MS);
  });

  it('escapes a hostile value in a hover over the protocol', async () => {
    const u = 'file:///abuse/hostile-hover/dsm.sys';
    const evil = '[x](command:workbench.action.terminal.new)<img src=x onerror=alert(1)>**b**`c`';
    await client.open(u, `SErvername a\n  TCPServeraddress bucky1.doit.wisc.edu\n  TCPPort ${evil}\n`);
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: { line: 1, character: 25 },
    });
    const value = h?.contents.value ?? '';
    assert.match(value, /bucky1/);
    // The port, as written, is in the hover, every markdown character escaped: no link, no HTML, no formatting.
    assert.ok(value.includes('\\[x\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)\\<img'), value);
    assert.ok(!/(^|[^\\])[[\]()<>`*]/.test(value.replace(/\*\*bucky1\\\.doit\\\.wisc\\\.edu\*\*/, '')), value);
  });
});

describe('the server in a whole session', () => {
  it('never runs a program and never opens a network connection', { timeout: 60000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-audit-'));
    const audit = path.join(dir, 'audit.jsonl');
    fs.writeFileSync(
      path.join(dir, 'dsm.sys'),
      'SErvername bucky2\n  TCPServeraddress bucky2.doit.wisc.edu\n  SCHEDMODE POLLING\n',
    );
    const saved = { options: process.env.NODE_OPTIONS, audit: process.env.DSM_AUDIT_FILE };
    process.env.NODE_OPTIONS = `--require ${JSON.stringify(path.join(__dirname, 'audit-preload.js'))}`;
    process.env.DSM_AUDIT_FILE = audit;
    let client: LspClient;
    try {
      client = new LspClient();
    } finally {
      for (const [k, v] of [
        ['NODE_OPTIONS', saved.options],
        ['DSM_AUDIT_FILE', saved.audit],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    try {
      await client.initialize(VSCODE.capabilities, VSCODE.initializationOptions);
      const sys = pathToFileURL(path.join(dir, 'dsm.sys')).href;
      const opt = pathToFileURL(path.join(dir, 'dsm.opt')).href;
      // The dsm.opt names a stanza of the dsm.sys on disk, which the server reads (without blocking: the warning follows the read).
      await client.open(opt, 'SErvername nosuch\nDOMain /home\n');
      const optDiagnostics = await client.diagnostics(opt, 1, SMALL_WAIT_MS, (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        optDiagnostics.diagnostics.map((d) => d.code),
        ['unknown-server'],
      );
      await client.open(
        sys,
        'SErvername bucky2\n  TCPServeraddress bucky2.doit.wisc.edu\n  TCPPort 1500\n  SCHEDMODE PROMPTED\n# hash\n',
      );
      await client.diagnostics(sys, 1, SMALL_WAIT_MS);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: sys, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, text: '1' }],
      });
      await client.diagnostics(sys, 2, SMALL_WAIT_MS);
      await client.request('textDocument/hover', { textDocument: { uri: sys }, position: { line: 1, character: 25 } });
      const items = await client.request<{ label: string }[]>('textDocument/completion', {
        textDocument: { uri: sys },
        position: { line: 3, character: 3 },
      });
      if (items.length) await client.request('completionItem/resolve', items[0]);
      const whole: Range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
      const actions = await client.request<{ command?: { command: string; arguments?: unknown[] } }[]>(
        'textDocument/codeAction',
        { textDocument: { uri: sys }, range: whole, context: { diagnostics: [] } },
      );
      await client.request('textDocument/codeAction', {
        textDocument: { uri: sys },
        range: whole,
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      for (const a of actions) if (a.command) await client.request('workspace/executeCommand', a.command);
      await client.request('textDocument/documentSymbol', { textDocument: { uri: sys } });
      await client.request('textDocument/foldingRange', { textDocument: { uri: sys } });
      client.settings = { serverCatalog: { servers: [{ address: 'tsm.example.edu', tier: 'Gold', port: 1600 }] } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.diagnostics(sys, 2, SMALL_WAIT_MS);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: sys } });
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: opt } });
    } finally {
      await client.stop();
    }
    const records = fs
      .readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { what: string });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(records[0]?.what, 'audit-installed', 'the audit preload did not run in the server');
    assert.deepEqual(records.slice(1), [], 'the server ran a program or opened a connection');
  });
});
