/**
 * Links and suppressions over the protocol: codeDescription only to a client
 * that declares codeDescriptionSupport; the hover on a diagnostic's line
 * starts with its code's summary; the ignore quick fix carries dsm.placeCursor
 * (the cursor where the reason goes) only to a client that has the command.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, SMALL_WAIT_MS } from './lspClient';
import { MINIMAL, VSCODE } from './profiles';
import { CODES, COMMANDS } from '../../server/src/service/codes';

import { ibmOptionAddress } from '../../server/src/service/ibmPages';
import { builtinOptionTable } from '../../server/src/model/optionTable';
/** TCPPort's IBM page: the address its entry in the option table was read at. */
const TCPPORT_PAGE = ibmOptionAddress(builtinOptionTable().lookup('TCPPort')!)!;

const SYS = 'file:///etc/tsm/dsm.sys';
const TEXT =
  'SErvername  bucky5\n   TCPServeraddress   tsm.example.org\n   TCPPort            99999\n   SCHEDMODe          POLLING\n';
const PORT_LINE = { start: { line: 2, character: 22 }, end: { line: 2, character: 22 } };

type Diagnostic = { code: string; codeDescription?: { href: string } };
type Edit = {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
};
type Action = {
  title: string;
  command?: { command: string; arguments?: unknown[] };
  edit?: { changes: Record<string, Edit[]> };
};

/** VS Code as its language client 11 declares itself: codeDescriptionSupport, and this extension's client with dsm.placeCursor. */
const VSCODE_WITH_LINKS = {
  capabilities: {
    ...VSCODE.capabilities,
    textDocument: { ...VSCODE.capabilities.textDocument, publishDiagnostics: { codeDescriptionSupport: true } },
  },
  initializationOptions: { ...VSCODE.initializationOptions, placeCursorCommand: true },
};

async function started(profile: { capabilities: object; initializationOptions?: object }) {
  const client = new LspClient({ transport: 'in-process' });
  await client.initialize(profile.capabilities, profile.initializationOptions);
  await client.open(SYS, TEXT);
  const published = await client.diagnostics(SYS, 1, SMALL_WAIT_MS);
  return { client, diagnostics: published.diagnostics as unknown as Diagnostic[] };
}

const ignoreFix = (client: LspClient) =>
  client
    .request<Action[]>('textDocument/codeAction', {
      textDocument: { uri: SYS },
      range: PORT_LINE,
      context: { diagnostics: [] },
    })
    .then((actions) => actions.find((a) => a.title === 'Ignore invalid-value on this line')!);

describe('VS Code (codeDescriptionSupport, dsm.placeCursor)', () => {
  let client: LspClient;
  let diagnostics: Diagnostic[];
  before(async () => ({ client, diagnostics } = await started(VSCODE_WITH_LINKS)));
  after(() => client.stop());

  it("gets each diagnostic linked to IBM's page of the option on its line", () => {
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.codeDescription?.href]),
      [['invalid-value', TCPPORT_PAGE]],
    );
  });

  it("gets the code's summary first in the hover of the diagnostic's line", async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri: SYS },
      position: { line: 2, character: 5 },
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.ok(
      hover.contents.value.startsWith(`[invalid-value](${TCPPORT_PAGE}): A value the option does not take`),
      hover.contents.value,
    );
  });

  it('gets the ignore quick fix with the reason slot, and the command that puts the cursor there', async () => {
    const fix = await ignoreFix(client);
    const after = TextDocument.applyEdits(TextDocument.create(SYS, 'dsm', 1, TEXT), fix.edit!.changes[SYS]);
    const line = '   * dsm-disable-next-line invalid-value -- ';
    assert.equal(after.split('\n')[2], line);
    assert.deepEqual(fix.command, {
      title: 'Write the reason',
      command: COMMANDS.placeCursor,
      arguments: [SYS, { line: 2, character: line.length }],
    });
  });
});

describe('a client that declares neither', () => {
  let client: LspClient;
  let diagnostics: Diagnostic[];
  before(async () => ({ client, diagnostics } = await started({ capabilities: { ...VSCODE.capabilities } })));
  after(() => client.stop());

  it('gets diagnostics without codeDescription', () => {
    assert.deepEqual(
      diagnostics.map((d) => [d.code, 'codeDescription' in d]),
      [['invalid-value', false]],
    );
  });

  it('gets the plain ignore quick fix, with no command to run', async () => {
    const fix = await ignoreFix(client);
    assert.equal(fix.command, undefined);
    const after = TextDocument.applyEdits(TextDocument.create(SYS, 'dsm', 1, TEXT), fix.edit!.changes[SYS]);
    assert.equal(after.split('\n')[2], '   * dsm-disable-next-line invalid-value');
  });

  it('and with nothing declared, the hover is plain text and names the code without a link', async () => {
    const minimal = await started(MINIMAL);
    try {
      const hover = await minimal.client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
        textDocument: { uri: SYS },
        position: { line: 2, character: 5 },
      });
      assert.equal(hover.contents.kind, 'plaintext');
      assert.ok(
        hover.contents.value.startsWith(`invalid-value: ${CODES['invalid-value'].summary}\n\n`),
        hover.contents.value,
      );
    } finally {
      minimal.client.stop();
    }
  });
});
