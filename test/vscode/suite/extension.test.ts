/**
 * The extension in a real VS Code: languages, diagnostics, quick fixes, fix
 * all, hover, completion, snippets and the server catalog setting.
 * Runs in the extension host (see index.ts); the workspace is a temp copy of
 * test/vscode/workspace, so tests may change files.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyAction,
  codeActions,
  codeOf,
  describeDiagnostic,
  dsmExtension,
  hoverAt,
  labelOf,
  lineOf,
  openDoc,
  rangeText,
  schedmodeDiagnostics,
  waitFor,
  waitForDiagnostics,
  withConfig,
  wordRange,
} from './helpers';
import { readJsonc } from './jsonc';

const Warning = vscode.DiagnosticSeverity.Warning;

function assertSchedmodeDiagnostic(
  d: vscode.Diagnostic | undefined,
  code: string,
  range: vscode.Range,
  all: vscode.Diagnostic[],
): void {
  assert.ok(d, `no ${code} diagnostic; have:\n  ${all.map(describeDiagnostic).join('\n  ')}`);
  assert.strictEqual(codeOf(d), code);
  assert.strictEqual(d.source, 'dsm', 'diagnostic source');
  assert.strictEqual(d.severity, Warning, `${code} severity`);
  assert.strictEqual(rangeText(d.range), rangeText(range), `${code} range`);
}

/** Range of a stanza's `SErvername <name>` from its first non-blank character to the end of the name. */
function serverNameRange(doc: vscode.TextDocument, name: string): vscode.Range {
  const line = lineOf(doc, new RegExp(`^\\s*SErvername\\s+${name}\\b`, 'i'));
  const text = doc.lineAt(line).text;
  const start = text.search(/\S/);
  const m = new RegExp(`^\\s*SErvername\\s+${name}\\b`, 'i').exec(text)!;
  return new vscode.Range(line, start, line, m[0].length);
}

describe('Activation and languages', () => {
  for (const file of [
    'dsm.sys',
    'dsm.opt',
    'dsm.opt.smp',
    'samples/dsm.sys.smp',
    'dsm_nightly.opt',
    'templates/dsm.sys.j2',
    'templates/dsm_nightly.opt.erb',
  ]) {
    it(`opens ${file} in the dsm language`, async () => {
      const doc = await openDoc(file);
      assert.strictEqual(doc.languageId, 'dsm');
    });
  }

  it('the extension is active once a dsm file is open, and its language server answers', async () => {
    const doc = await openDoc('dsm.sys');
    const ext = dsmExtension();
    await waitFor(() => ext.isActive, `extension ${ext.id} to activate (activationEvents onLanguage:dsm)`);
    // Rejects when the extension's main module cannot be loaded or its activate() throws.
    await ext.activate();
    await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => x.source === 'dsm'),
      'diagnostics from the dsm language server',
    );
  });

  it('contributes the dsm.* settings', () => {
    const cfg = vscode.workspace.getConfiguration('dsm');
    assert.strictEqual(cfg.inspect('serverCatalog.mode')?.defaultValue, 'extend', 'dsm.serverCatalog.mode default');
    assert.ok(
      Array.isArray(cfg.inspect('serverCatalog.servers')?.defaultValue),
      'dsm.serverCatalog.servers default is an array',
    );
    assert.notStrictEqual(cfg.inspect('trace.server')?.defaultValue, undefined, 'dsm.trace.server has a default');
  });
});

describe('Diagnostics', () => {
  before(activateExtension);

  it('dsm.sys: warns at the PROMPTED word and at a stanza without SCHEDMODE', async () => {
    const doc = await openDoc('dsm.sys');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.filter((x) => ['schedmode-prompted', 'schedmode-missing'].includes(codeOf(x))).length >= 2,
      'a schedmode-prompted and a schedmode-missing warning',
    );
    const sched = schedmodeDiagnostics(doc.uri);
    assert.strictEqual(
      sched.length,
      2,
      `exactly two SCHEDMODE warnings:\n  ${sched.map(describeDiagnostic).join('\n  ')}`,
    );

    const promptedLine = lineOf(doc, /^\s*SCHEDMODE\s+PROMPTED/i);
    assertSchedmodeDiagnostic(
      diags.find((d) => codeOf(d) === 'schedmode-prompted'),
      'schedmode-prompted',
      wordRange(doc, promptedLine, 'PROMPTED'),
      diags,
    );
    assertSchedmodeDiagnostic(
      diags.find((d) => codeOf(d) === 'schedmode-missing'),
      'schedmode-missing',
      serverNameRange(doc, 'ARCHIVE'),
      diags,
    );
  });

  it('a complete (Windows) dsm.opt without SCHEDMODE: one warning on its first option line', async () => {
    const doc = await openDoc('windows/dsm.opt');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'schedmode-missing'),
      'schedmode-missing',
    );
    const missing = diags.filter((d) => codeOf(d) === 'schedmode-missing');
    assert.strictEqual(missing.length, 1, 'one schedmode-missing');
    assert.strictEqual(missing[0].severity, Warning);
    assert.strictEqual(missing[0].source, 'dsm');
    assert.strictEqual(missing[0].range.start.line, lineOf(doc, /^\s*NODENAME/i), 'on the first option line');
  });

  it('a UNIX dsm.opt that only selects a server gets no SCHEDMODE warning', async () => {
    const opt = await openDoc('dsm.opt', false);
    // Then a file with a known warning: once that one is published, the
    // server has also checked dsm.opt (opened first).
    const sys = await openDoc('fix-prompted/dsm.sys', false);
    await waitForDiagnostics(sys.uri, (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'), 'schedmode-prompted');
    assert.deepStrictEqual(schedmodeDiagnostics(opt.uri).map(describeDiagnostic), []);
  });

  it('a UNIX dsm.opt naming no stanza of the dsm.sys beside it (not open: read through the client) gets unknown-server', async () => {
    const opt = await openDoc('unknown-server/dsm.opt', false);
    const found = await waitForDiagnostics(
      opt.uri,
      (d) => d.some((x) => codeOf(x) === 'unknown-server'),
      'unknown-server',
    );
    const d = found.find((x) => codeOf(x) === 'unknown-server')!;
    assert.strictEqual(rangeText(d.range), rangeText(new vscode.Range(0, 13, 0, 17)));
    assert.match(d.message, /Stanzas: alpha/);
  });
});

describe('Templates', () => {
  before(activateExtension);

  it('dsm.sys.j2: the literal PROMPTED is warned with its fix; the template lines, placeholders and branches are not', async () => {
    const doc = await openDoc('templates/dsm.sys.j2');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'),
      'schedmode-prompted',
    );
    const promptedLine = lineOf(doc, /^\s*SCHEDMODE\s+PROMPTED/);
    assert.deepStrictEqual(
      diags.map(describeDiagnostic),
      diags.filter((d) => codeOf(d) === 'schedmode-prompted').map(describeDiagnostic),
      'nothing but schedmode-prompted (no unknown option on {% %} lines, no invalid placeholder value, no duplicate SCHEDMODE across the branches)',
    );
    assertSchedmodeDiagnostic(diags[0], 'schedmode-prompted', wordRange(doc, promptedLine, 'PROMPTED'), diags);

    const before = doc.getText();
    const actions = await codeActions(doc.uri, diags[0].range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(
      fix && /POLLING/.test(fix.title),
      `a preferred fix to POLLING; got: ${actions.map((a) => a.title).join(' | ')}`,
    );
    await applyAction(fix);
    assert.strictEqual(
      doc.getText(),
      before.replace('PROMPTED', 'POLLING'),
      'only the word changed; every tag is as it was',
    );
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostic left');
  });

  it('dsm.sys.template (envsubst): opened as dsm; no placeholder is judged, and its literal PROMPTED is all it reports', async () => {
    const doc = await openDoc('templates/dsm.sys.template');
    assert.strictEqual(doc.languageId, 'dsm');
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'),
      'schedmode-prompted',
    );
    const promptedLine = lineOf(doc, /^\s*SCHEDMODe\s+PROMPTED/);
    assert.deepStrictEqual(
      diags.map(describeDiagnostic),
      diags.filter((d) => codeOf(d) === 'schedmode-prompted').map(describeDiagnostic),
      'nothing but schedmode-prompted (no invalid-value on TCPPort ${DSM_TCPPORT}, no unknown option on ${DSM_EXTRA_OPTION})',
    );
    assertSchedmodeDiagnostic(diags[0], 'schedmode-prompted', wordRange(doc, promptedLine, 'PROMPTED'), diags);
  });

  it('dsm.sys.j2: the outline shows the stanza with its options, not the control lines', async () => {
    const doc = await openDoc('templates/dsm.sys.j2');
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      return s?.length ? s : undefined;
    }, 'document symbols');
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['{{ server.name }}'],
    );
    const children = symbols[0].children.map((c) => c.name);
    assert.ok(children.includes('SCHEDMODE') && children.includes('TCPSERVERADDRESS'), children.join(', '));
    assert.ok(!children.some((c) => c.startsWith('{%')), `no control line in the outline: ${children.join(', ')}`);
  });
});

describe('Quick fixes', () => {
  before(activateExtension);

  it('PROMPTED: the preferred quick fix replaces only the value word with POLLING', async () => {
    const doc = await openDoc('fix-prompted/dsm.sys');
    const before = doc.getText();
    const [diag] = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'),
      'schedmode-prompted',
    ).then((d) => d.filter((x) => codeOf(x) === 'schedmode-prompted'));
    const actions = await codeActions(doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /POLLING/.test(a.title));
    assert.ok(fix, `a quick fix titled with POLLING; got: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind quickfix, got ${fix.kind?.value}`);
    assert.strictEqual(fix.isPreferred, true, 'isPreferred');
    await applyAction(fix);

    // Offsets from the original text (the range start is before the edit).
    const off = doc.offsetAt(diag.range.start);
    const endOff = off + 'PROMPTED'.length;
    assert.strictEqual(before.slice(off, endOff), 'PROMPTED');
    assert.strictEqual(doc.getText(), before.slice(0, off) + 'POLLING' + before.slice(endOff), 'only PROMPTED changed');
    await waitForDiagnostics(
      doc.uri,
      (d) => !d.some((x) => codeOf(x) === 'schedmode-prompted'),
      'the warning to go away',
    );
  });

  it("missing: the preferred quick fix inserts SCHEDMODE POLLING into the stanza, indented, with the file's CRLF", async () => {
    const doc = await openDoc('fix-missing/dsm.sys');
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF, 'fixture uses CRLF');
    const before = doc.getText();
    const diags = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'schedmode-missing'),
      'schedmode-missing',
    );
    const diag = diags.find((x) => codeOf(x) === 'schedmode-missing')!;
    assert.strictEqual(
      rangeText(diag.range),
      rangeText(serverNameRange(doc, 'BL2')),
      'warning on the BL2 stanza header',
    );
    const stanzaLine = diag.range.start.line;

    const actions = await codeActions(doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /POLLING/.test(a.title));
    assert.ok(fix, `a quick fix titled with POLLING; got: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    assert.strictEqual(fix.isPreferred, true, 'isPreferred');
    await applyAction(fix);

    const after = doc.getText();
    assert.ok(!/[^\r]\n/.test(after) && !/^\n/.test(after), 'every line still ends in CRLF');
    const oldLines = before.split('\r\n');
    const newLines = after.split('\r\n');
    assert.strictEqual(newLines.length, oldLines.length + 1, 'exactly one line inserted');
    let k = 0;
    while (k < oldLines.length && oldLines[k] === newLines[k]) k++;
    assert.deepStrictEqual(
      [...newLines.slice(0, k), ...newLines.slice(k + 1)],
      oldLines,
      'the rest of the file is unchanged',
    );
    const m = /^(\s*)SCHEDMODE\s+POLLING\s*$/i.exec(newLines[k]);
    assert.ok(m, `inserted line is "SCHEDMODE POLLING", got ${JSON.stringify(newLines[k])}`);
    assert.ok(k > stanzaLine, 'inserted inside the BL2 stanza (after its SErvername line)');
    assert.strictEqual(m[1], '    ', 'indented like its neighbours (4 spaces)');
    await waitForDiagnostics(
      doc.uri,
      (d) => !d.some((x) => codeOf(x) === 'schedmode-missing'),
      'the warning to go away',
    );
  });
});

describe('Fix all', () => {
  before(activateExtension);

  async function openWithThreeProblems(rel: string): Promise<vscode.TextDocument> {
    const doc = await openDoc(rel);
    await waitForDiagnostics(
      doc.uri,
      (d) => d.filter((x) => ['schedmode-prompted', 'schedmode-missing'].includes(codeOf(x))).length === 3,
      'three SCHEDMODE warnings (2 missing, 1 PROMPTED)',
    );
    return doc;
  }

  function assertAllPolling(doc: vscode.TextDocument): void {
    const text = doc.getText();
    assert.ok(!/^\s*SCHEDMODE\s+PROMPTED/im.test(text), 'no SCHEDMODE PROMPTED left');
    const stanzas = text.split(/^(?=\s*SErvername\b)/im).filter((s) => /^\s*SErvername\b/i.test(s));
    assert.strictEqual(stanzas.length, 3);
    for (const s of stanzas)
      assert.strictEqual(
        (s.match(/^\s*SCHEDMODE\s+POLLING\s*$/gim) ?? []).length,
        1,
        `one SCHEDMODE POLLING in:\n${s}`,
      );
  }

  it('offers a source.fixAll.dsm action that fixes every SCHEDMODE problem', async () => {
    const doc = await openWithThreeProblems('fix-all/dsm.sys');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActions(doc.uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.dsm');
    assert.ok(
      fixAll,
      `a source.fixAll.dsm action; got: ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(' | ') || '(none)'}`,
    );
    await applyAction(fixAll);
    await waitForDiagnostics(doc.uri, () => schedmodeDiagnostics(doc.uri).length === 0, 'no SCHEDMODE warnings');
    assertAllPolling(doc);
  });

  it("VS Code's Fix All command (editor.action.fixAll) fixes every SCHEDMODE problem", async () => {
    const doc = await openWithThreeProblems('fix-all-command/dsm.sys');
    const editor = await vscode.window.showTextDocument(doc);
    // The command acts on the active editor with what the providers offer then: wait until both hold.
    const everything = new vscode.Range(0, 0, doc.lineCount, 0);
    await waitFor(
      async () =>
        vscode.window.activeTextEditor === editor &&
        (await codeActions(doc.uri, everything, 'source.fixAll')).some((a) => a.kind?.value === 'source.fixAll.dsm'),
      'the dsm fix-all action offered in the active editor',
    );
    await vscode.commands.executeCommand('editor.action.fixAll');
    await waitFor(() => !/^\s*SCHEDMODE\s+PROMPTED/im.test(doc.getText()), 'the document to change');
    await waitForDiagnostics(doc.uri, () => schedmodeDiagnostics(doc.uri).length === 0, 'no SCHEDMODE warnings');
    assertAllPolling(doc);
  });

  it('fix-all on a SERVERONLY + PROMPTED stanza sets SESSIONINITIATION CLIENT with SCHEDMODE POLLING, in one edit', async () => {
    const doc = await openDoc('fix-all-serveronly/dsm.sys');
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'schedmode-prompted'), 'the PROMPTED warning');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActions(doc.uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.dsm');
    assert.ok(
      fixAll,
      `a source.fixAll.dsm action; got: ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(' | ') || '(none)'}`,
    );
    assert.match(fixAll.title, /SESSIONINITIATION CLIENT where it was SERVERONLY/);
    await applyAction(fixAll);
    const text = doc.getText();
    assert.match(text, /^\s*SESSIONINITiation\s+CLIENT\s*$/m, text);
    assert.match(text, /^\s*SCHEDMODe\s+POLLING\s*$/m, text);
    assert.doesNotMatch(text, /SERVEROnly|PROMPTED\s*$/m, text);
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics at all');
  });

  it('editor.codeActionsOnSave {"source.fixAll.dsm": "explicit"} fixes the file on save', async () => {
    await withConfig(
      'editor',
      'codeActionsOnSave',
      { 'source.fixAll.dsm': 'explicit' },
      vscode.ConfigurationTarget.Workspace,
      async () => {
        const doc = await openWithThreeProblems('fix-on-save/dsm.sys');
        const editor = await vscode.window.showTextDocument(doc);
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), '* edited by the test\n'));
        assert.ok(await doc.save(), 'save');
        const disk = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
        assert.ok(!/^\s*SCHEDMODE\s+PROMPTED/im.test(disk), `saved file still has SCHEDMODE PROMPTED:\n${disk}`);
        assert.ok(!doc.isDirty, 'saved');
        await waitForDiagnostics(
          doc.uri,
          () => schedmodeDiagnostics(doc.uri).length === 0,
          'no SCHEDMODE warnings after save',
        );
        assertAllPolling(doc);
      },
      'dsm',
    );
  });
});

describe('Hover', () => {
  before(activateExtension);

  it('a Bucky server address shows its tier and port', async () => {
    const doc = await openDoc('dsm.sys');
    const line = lineOf(doc, /bucky2\.doit\.wisc\.edu/);
    const r = wordRange(doc, line, 'bucky2.doit.wisc.edu');
    const text = await waitFor(async () => {
      const t = await hoverAt(doc.uri, r.start.translate(0, 3));
      return /1500/.test(t) ? t : undefined;
    }, 'a hover with port 1500');
    assert.match(text, /Enterprise/);
    assert.match(text, /1500/);
  });

  it('the Archive server ba1 shows tier Archive and port 1501', async () => {
    const doc = await openDoc('dsm.sys');
    const r = wordRange(doc, lineOf(doc, /ba1\.doit\.wisc\.edu/), 'ba1.doit.wisc.edu');
    const text = await waitFor(async () => {
      const t = await hoverAt(doc.uri, r.start.translate(0, 2));
      return /1501/.test(t) ? t : undefined;
    }, 'a hover with port 1501');
    assert.match(text, /Archive/);
  });
});

describe('Completion and snippets', () => {
  before(activateExtension);

  async function scratch(content: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
    const doc = await openDoc('scratch/dsm.sys');
    const editor = await vscode.window.showTextDocument(doc);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    assert.ok(await editor.edit((b) => b.replace(whole, content)));
    return { doc, editor };
  }

  it('after "SCHEDMODE " offers POLLING first and preselected', async () => {
    const { doc } = await scratch(
      '* scratch\nSErvername  BUCKY1\n   TCPServeraddress   bucky1.doit.wisc.edu\n   SCHEDMODE ',
    );
    const pos = new vscode.Position(3, doc.lineAt(3).text.length);
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      return l && l.items.some((i) => labelOf(i) === 'POLLING') ? l : undefined;
    }, 'a completion item POLLING');
    const polling = list.items.find((i) => labelOf(i) === 'POLLING')!;
    assert.strictEqual(polling.preselect, true, 'POLLING is preselected');
    const key = (i: vscode.CompletionItem) => (i.sortText ?? labelOf(i)).toLowerCase();
    const ranked = list.items
      .filter((i) => i.kind !== vscode.CompletionItemKind.Snippet)
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    assert.strictEqual(
      labelOf(ranked[0]),
      'POLLING',
      `POLLING sorts first; order: ${ranked.slice(0, 5).map(labelOf).join(', ')}`,
    );
  });

  it('offers the Bucky stanza snippets, and inserting bucky5 gives a stanza with port 1503 and no warning', async () => {
    const { doc, editor } = await scratch('* scratch\nbucky');
    const pos = new vscode.Position(1, 5);
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      return l && l.items.some((i) => /bucky5/.test(labelOf(i))) ? l : undefined;
    }, 'a completion item for bucky5');
    const snippetItems = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    const item =
      snippetItems.find((i) => /^(bucky|stanza)-bucky5$/.test(labelOf(i))) ??
      snippetItems.find((i) => /bucky5/.test(labelOf(i)) && !/opt/.test(labelOf(i)));
    assert.ok(item, `a snippet item for bucky5; snippets: ${snippetItems.map(labelOf).join(', ')}`);

    // The body: from the completion item, else from snippets/dsm.code-snippets.
    let snippet: vscode.SnippetString | undefined =
      item.insertText instanceof vscode.SnippetString ? item.insertText : undefined;
    if (!snippet) {
      const file = path.join(dsmExtension().extensionPath, 'snippets', 'dsm.code-snippets');
      const all = readJsonc(file) as Record<string, { prefix: string | string[]; body: string | string[] }>;
      const entry = Object.values(all).find((s) => ([] as string[]).concat(s.prefix).includes(labelOf(item)));
      assert.ok(entry, `snippet ${labelOf(item)} in ${file}`);
      snippet = new vscode.SnippetString(([] as string[]).concat(entry.body).join('\n'));
    }
    assert.ok(await editor.insertSnippet(snippet, new vscode.Range(1, 0, 1, 5)), 'insertSnippet');
    await vscode.commands.executeCommand('leaveSnippet');

    const text = doc.getText();
    assert.match(text, /^\s*SErvername\s+\S+/im);
    assert.match(text, /^\s*TCPSERVERADDRESS\s+bucky5\.doit\.wisc\.edu\s*$/im);
    assert.match(text, /^\s*TCPPORT\s+1503\s*$/im);
    assert.match(text, /^\s*SCHEDMODE\s+POLLING\s*$/im);
    assert.match(text, /^\s*PASSWORDACCESS\s+GENERATE\s*$/im);
    const lastSnippetLine = doc.lineCount - 1;

    // A sentinel stanza with a known warning: once it is reported, the server
    // has checked the text with the snippet in it.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\nSErvername  SENTINEL\n   SCHEDMODE PROMPTED\n')));
    const sentinelLine = lineOf(doc, /SCHEDMODE PROMPTED/);
    await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'schedmode-prompted' && x.range.start.line === sentinelLine),
      'the sentinel warning',
    );
    const inSnippet = schedmodeDiagnostics(doc.uri).filter((d) => d.range.start.line <= lastSnippetLine);
    assert.deepStrictEqual(inSnippet.map(describeDiagnostic), [], 'no SCHEDMODE warning in the inserted stanza');
  });
});

describe('Server catalog setting', () => {
  before(activateExtension);

  async function hoverOn(rel: string, host: string): Promise<() => Promise<string>> {
    const doc = await openDoc(rel);
    const r = wordRange(doc, lineOf(doc, new RegExp(host.replace(/\./g, '\\.'))), host);
    return () => hoverAt(doc.uri, r.start.translate(0, 2));
  }

  it('dsm.serverCatalog.servers adds a server to the hover without a restart', async () => {
    const hover = await hoverOn('catalog/dsm.sys', 'tsm.chem.wisc.edu');
    assert.doesNotMatch(await hover(), /Departmental/, 'not known before the setting');
    await withConfig(
      'dsm',
      'serverCatalog.servers',
      [{ address: 'tsm.chem.wisc.edu', tier: 'Departmental', port: 1600 }],
      vscode.ConfigurationTarget.Workspace,
      async () => {
        const t = await waitFor(async () => {
          const h = await hover();
          return /Departmental/.test(h) ? h : undefined;
        }, 'the hover to show the tier Departmental');
        assert.match(t, /1600/);
      },
    );
    await waitFor(
      async () => !/Departmental/.test(await hover()),
      'the hover to forget the server after the setting is removed',
    );
  });

  it('dsm.serverCatalog.mode "replace" drops the built-in Bucky servers', async () => {
    const hover = await hoverOn('catalog/dsm.sys', 'bucky2.doit.wisc.edu');
    await waitFor(async () => /Enterprise/.test(await hover()), 'the built-in hover for bucky2');
    await withConfig(
      'dsm',
      'serverCatalog.servers',
      [{ address: 'tsm.chem.wisc.edu', tier: 'Departmental', port: 1600 }],
      vscode.ConfigurationTarget.Workspace,
      () =>
        withConfig('dsm', 'serverCatalog.mode', 'replace', vscode.ConfigurationTarget.Workspace, async () => {
          await waitFor(async () => !/Enterprise/.test(await hover()), 'bucky2 to lose its built-in hover');
        }),
    );
    await waitFor(async () => /Enterprise/.test(await hover()), 'the built-in hover to come back');
  });
});
