/**
 * Protocol manners: the server speaks to each kind of client in the terms
 * that client declared. Each suite speaks as one kind of client, in process
 * (the same code as dist/server.js, over a pair of streams).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, SMALL_WAIT_MS } from './lspClient';
import { MINIMAL, PLAIN_TEXT, VSCODE } from './profiles';

const SYS = 'file:///etc/tsm/dsm.sys';
const TEXT =
  'SErvername  bucky5\n   TCPServeraddress   bucky5.doit.wisc.edu\n   TCPPort            1503\n   SCHEDMODe          PROMPTED\n';
const ADDRESS = { line: 1, character: 30 };
const PROMPTED = { start: { line: 3, character: 22 }, end: { line: 3, character: 22 } };
const SITE = { serverCatalog: { servers: [{ address: 'tsm.example.edu', tier: 'Gold', port: 1600 }] } };
const SITE_TEXT = 'SErvername x\n  TCPServeraddress tsm.example.edu\n  TCPPort 1600\n  SCHEDMODE POLLING\n';

type Hover = { contents: { kind: string; value: string } } | null;
type Edit = {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
};
type WorkspaceEdit = { changes: Record<string, Edit[]> };
type Action = {
  title: string;
  command?: string | { command: string; arguments?: unknown[] };
  arguments?: unknown[];
  edit?: WorkspaceEdit;
};

async function started(
  profile: { capabilities: object; initializationOptions?: object },
  options: ConstructorParameters<typeof LspClient>[0] = {},
) {
  const client = new LspClient({ transport: 'in-process', ...options });
  const result = await client.initialize(profile.capabilities, profile.initializationOptions);
  return { client, capabilities: result.capabilities };
}

function hoverAt(client: LspClient, uri: string, position = ADDRESS) {
  return client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
}

function quickFixes(client: LspClient, uri = SYS) {
  return client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: PROMPTED,
    context: { diagnostics: [] },
  });
}

/** No request from the server that a plain client might block on, and nothing logged as a crash. */
function assertWellMannered(client: LspClient): void {
  assert.deepEqual(
    client.serverRequests.filter((r) => r.method === 'window/showMessageRequest'),
    [],
    'window/showMessageRequest sent',
  );
  assert.deepEqual(
    client.logs.filter((l) => /unexpected error|failed/.test(l)),
    [],
    'errors logged',
  );
}

describe('a client with minimal capabilities (it declares nothing)', () => {
  let client: LspClient;
  let capabilities: Record<string, unknown>;
  before(async () => ({ client, capabilities } = await started(MINIMAL)));
  after(() => client.stop());

  it('is offered only what it can take: code actions as commands, no completion resolve', () => {
    assert.equal(capabilities.codeActionProvider, true);
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: [' ', '\t'], resolveProvider: false });
    assert.equal(capabilities.renameProvider, true, 'no prepareRename for a client that never asks it');
    assert.equal(capabilities.workspace, undefined, 'no workspace folder notifications for a client that sends none');
  });

  it('gets the warning, a plain-text hover, plain-text documentation and no snippets', async () => {
    await client.open(SYS, TEXT);
    const p = await client.diagnostics(SYS, 1, SMALL_WAIT_MS);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['schedmode-prompted', 3]],
    );
    assert.equal((await hoverAt(client, SYS))?.contents.kind, 'plaintext');
    const items = await client.request<
      { label: string; insertTextFormat?: number; documentation?: { kind: string } }[]
    >('textDocument/completion', { textDocument: { uri: SYS }, position: { line: 4, character: 0 } });
    assert.ok(items.length > 100);
    assert.ok(
      items.every((i) => i.insertTextFormat !== 2),
      'a snippet was offered',
    );
    assert.ok(items.every((i) => i.documentation?.kind === 'plaintext'));
  });

  it('gets no code action it could not carry out (it applies neither CodeAction literals nor server edits)', async () => {
    assert.deepEqual(await quickFixes(client), []);
  });

  it('is never sent a request', () => {
    assert.deepEqual(client.serverRequests, []);
    assertWellMannered(client);
  });
});

describe('a client without CodeAction literals that applies edits the server sends', () => {
  let client: LspClient;
  before(async () => ({ client } = await started({ capabilities: { workspace: { applyEdit: true } } })));
  after(() => client.stop());

  it('gets each quick fix as a command with its arguments, and executing it applies the edit', async () => {
    await client.open(SYS, TEXT);
    await client.diagnostics(SYS, 1, SMALL_WAIT_MS);
    const [fix] = await quickFixes(client);
    assert.match(fix.title, /POLLING/);
    assert.equal(fix.command, 'dsm.applyEdit');
    assert.equal(fix.arguments?.length, 1);
    await client.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments });
    await client.until('workspace/applyEdit', SMALL_WAIT_MS, () =>
      client.serverRequests.some((r) => r.method === 'workspace/applyEdit'),
    );
    const { edit } = client.serverRequests.find((r) => r.method === 'workspace/applyEdit')!.params as {
      edit: WorkspaceEdit;
    };
    const fixed = TextDocument.applyEdits(TextDocument.create(SYS, 'dsm', 1, TEXT), edit.changes[SYS]);
    assert.equal(fixed, TEXT.replace('PROMPTED', 'POLLING'));
    assertWellMannered(client);
  });
});

describe('a client without configuration pull (settings in initializationOptions)', () => {
  let client: LspClient;
  before(async () => ({ client } = await started({ capabilities: {}, initializationOptions: { settings: SITE } })));
  after(() => client.stop());

  it('uses the settings it gave at start', async () => {
    await client.open('file:///site/dsm.sys', SITE_TEXT);
    await client.diagnostics('file:///site/dsm.sys', 1, SMALL_WAIT_MS);
    assert.match(
      (await hoverAt(client, 'file:///site/dsm.sys', { line: 1, character: 22 }))?.contents.value ?? '',
      /Gold server, port 1600/,
    );
  });

  it('keeps them when a settings change carries no dsm section, and takes a dsm section when one comes', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { other: { x: 1 } } });
    await client.diagnostics('file:///site/dsm.sys', 1, SMALL_WAIT_MS);
    assert.match(
      (await hoverAt(client, 'file:///site/dsm.sys', { line: 1, character: 22 }))?.contents.value ?? '',
      /Gold server/,
    );
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { dsm: { serverCatalog: { servers: [] } } },
    });
    await client.diagnostics('file:///site/dsm.sys', 1, SMALL_WAIT_MS);
    assert.equal(await hoverAt(client, 'file:///site/dsm.sys', { line: 1, character: 22 }), null);
  });

  it('is never asked for its configuration', () => {
    assert.deepEqual(
      client.serverRequests.map((r) => r.method),
      [],
    );
  });
});

describe('a client that shows plain text only (as Vim with ALE declares)', () => {
  let client: LspClient;
  before(async () => ({ client } = await started(PLAIN_TEXT)));
  after(() => client.stop());

  it('gets hovers as plain text, with nothing escaped', async () => {
    await client.open(SYS, TEXT);
    await client.diagnostics(SYS, 1, SMALL_WAIT_MS);
    assert.deepEqual((await hoverAt(client, SYS))?.contents, {
      kind: 'plaintext',
      value: 'bucky5.doit.wisc.edu: Enterprise server, port 1503.\n\nTCPPORT 1503 here agrees.',
    });
  });

  it('gets completion documentation as plain text, and POLLING first', async () => {
    const items = await client.request<{ label: string; documentation?: { kind: string; value: string } }[]>(
      'textDocument/completion',
      { textDocument: { uri: SYS }, position: { line: 3, character: 22 } },
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['POLLING', 'PROMPTED'],
    );
    assert.equal(items[0].documentation?.kind, 'plaintext');
    assert.match(items[0].documentation!.value, /^POLLING \(recommended\): the client starts every conversation/);
    assert.doesNotMatch(items[0].documentation!.value, /\*\*|\\/);
  });

  it('gets the quick fix as a plain edit, with no command it would run instead', async () => {
    const [fix] = await quickFixes(client);
    assert.equal(fix.command, undefined);
    assert.equal(
      TextDocument.applyEdits(TextDocument.create(SYS, 'dsm', 1, TEXT), fix.edit!.changes[SYS]),
      TEXT.replace('PROMPTED', 'POLLING'),
    );
    assertWellMannered(client);
  });
});

describe('a client without dynamic registration', () => {
  it('is not sent client/registerCapability, though it answers workspace/configuration', async () => {
    const { client } = await started({
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } },
    });
    try {
      await client.until('workspace/configuration', SMALL_WAIT_MS, () => client.serverRequests.length > 0);
      await client.open(SYS, TEXT);
      await client.diagnostics(SYS, 1, SMALL_WAIT_MS);
      assert.deepEqual(
        client.serverRequests.map((r) => r.method),
        ['workspace/configuration'],
      );
    } finally {
      await client.stop();
    }
  });
});

describe('a client that rejects every request from the server', () => {
  let client: LspClient;
  before(
    async () =>
      ({ client } = await started(
        { ...VSCODE, initializationOptions: { ...VSCODE.initializationOptions, settings: SITE } },
        { rejectServerRequests: true },
      )),
  );
  after(() => client.stop());

  it('still gets its diagnostics, with the settings it gave at start', async () => {
    await client.until('the requests it rejects', SMALL_WAIT_MS, () => client.serverRequests.length >= 2);
    await client.open('file:///site/dsm.sys', SITE_TEXT);
    await client.diagnostics('file:///site/dsm.sys', 1, SMALL_WAIT_MS);
    assert.match(
      (await hoverAt(client, 'file:///site/dsm.sys', { line: 1, character: 22 }))?.contents.value ?? '',
      /Gold server, port 1600/,
    );
  });

  it('gets the restart reminder as a message, and the rejections are not logged as crashes', async () => {
    await client.open(SYS, TEXT);
    await client.diagnostics(SYS, 1, SMALL_WAIT_MS);
    const [fix] = await quickFixes(client);
    const command = fix.command as { command: string; arguments?: unknown[] };
    await client.request('workspace/executeCommand', command);
    await client.until('the reminder', SMALL_WAIT_MS, () => client.messages.length > 0);
    assert.match(client.messages[0].message, /restart the TSM client scheduler/);
    assert.deepEqual(client.serverRequests.map((r) => r.method).sort(), [
      'client/registerCapability',
      'workspace/configuration',
    ]);
    assert.deepEqual(
      client.logs.filter((l) => /unexpected error/.test(l)),
      [],
    );
    assert.ok(
      client.logs.some((l) => /could not read the settings/.test(l)),
      client.logs.join('\n'),
    );
  });
});

describe('a client that serves files itself (VS Code, on the desktop and on the web: dsm/readFile)', () => {
  it('has the dsm.sys beside a dsm.opt read through it, even where no disk holds it', async () => {
    const { client } = await started({ capabilities: {}, initializationOptions: { fileAccess: true } });
    try {
      client.files.set(
        'vscode-vfs://github/site/tsm/dsm.sys',
        'SErvername alpha\n  TCPServeraddress bucky2.doit.wisc.edu\n',
      );
      const opt = 'vscode-vfs://github/site/tsm/dsm.opt';
      await client.open(opt, 'SErvername beta\n');
      const p = await client.diagnostics(opt, 1, SMALL_WAIT_MS, (d) => d.diagnostics.length > 0);
      assert.deepEqual(
        p.diagnostics.map((d) => [d.code, d.message]),
        [['unknown-server', 'No server stanza named beta in the dsm.sys beside this file. Stanzas: alpha.']],
      );
      assert.deepEqual(
        client.serverRequests.map((r) => r.params),
        [{ uri: 'vscode-vfs://github/site/tsm/dsm.sys', maxBytes: 5 * 1024 * 1024 }],
      );
    } finally {
      await client.stop();
    }
  });
});
