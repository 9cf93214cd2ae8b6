/**
 * The whole setup in a real VS Code: go to definition from a dsm.opt into the
 * dsm.sys beside it (not open), rename a stanza across both files, and an
 * include-exclude file with its own checks, hover and quick fix.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyAction,
  codeActions,
  codeOf,
  describeDiagnostic,
  fixtureUri,
  hoverAt,
  lineOf,
  openDoc,
  rangeText,
  waitFor,
  waitForDiagnostics,
  wordRange,
} from './helpers';

describe('Navigation across files', () => {
  before(activateExtension);

  it('finds a stanza by its server address in a dsm.sys that was never opened (listed through vscode.workspace.findFiles)', async () => {
    const symbols = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'bucky5.doit',
      );
      return found?.some((s) => s.name === 'files') ? found : undefined;
    }, 'the stanza files of inclexcl/dsm.sys');
    const files = symbols.find((s) => s.name === 'files')!;
    assert.strictEqual(files.location.uri.toString(), fixtureUri('inclexcl/dsm.sys').toString());
  });

  it('goes from a dsm.opt SErvername to the stanza header in the dsm.sys beside it, which is not open', async () => {
    const opt = await openDoc('navigation/dsm.opt');
    const at = wordRange(opt, 0, 'nightly').start.translate(0, 2);
    const locations = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        opt.uri,
        at,
      );
      return found?.length ? found : undefined;
    }, 'a definition for nightly');
    assert.strictEqual(locations.length, 1);
    const target =
      locations[0] instanceof vscode.Location
        ? locations[0]
        : { uri: locations[0].targetUri, range: locations[0].targetRange };
    assert.strictEqual(target.uri.toString(), fixtureUri('navigation/dsm.sys').toString());
    const sys = await vscode.workspace.openTextDocument(target.uri);
    assert.strictEqual(
      rangeText(target.range),
      rangeText(wordRange(sys, lineOf(sys, /^SErvername\s+nightly/), 'nightly')),
    );
  });

  it('renames a stanza across the dsm.opt and the dsm.sys, and the dsm.opt still names a known stanza', async () => {
    const opt = await openDoc('rename/dsm.opt');
    const at = wordRange(opt, 0, 'oldname').start.translate(0, 1);
    const edit = await waitFor(async () => {
      const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        opt.uri,
        at,
        'newname',
      );
      return e && e.entries().length === 2 ? e : undefined;
    }, 'a rename edit of two files');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename applies');
    const sys = await vscode.workspace.openTextDocument(fixtureUri('rename/dsm.sys'));
    assert.strictEqual(opt.getText(), 'SErvername   newname\n');
    assert.strictEqual(
      sys.getText(),
      'DEFAULTServer  newname\nSErvername  newname\n   TCPServeraddress   bucky1.doit.wisc.edu\n   TCPPort            1499\n   SCHEDMODE          POLLING\n',
    );
    // The server reads the renamed dsm.sys: the hover of the dsm.opt's SErvername finds the stanza, and no unknown-server remains.
    const hover = await waitFor(async () => {
      const t = await hoverAt(opt.uri, at);
      return /Stanza newname/.test(t) ? t : undefined;
    }, 'the hover of the renamed stanza');
    assert.match(hover, /Enterprise, listens on 1499/);
    await waitForDiagnostics(opt.uri, (d) => !d.some((x) => codeOf(x) === 'unknown-server'), 'no unknown-server');
  });
});

describe('Live cross-file checks', () => {
  before(activateExtension);

  it("a dsm.opt's unknown-server goes when its dsm.sys (not open) gets the stanza on disk: the client's file watcher tells the server", async () => {
    const opt = await openDoc('live/dsm.opt');
    await waitForDiagnostics(opt.uri, (d) => d.some((x) => codeOf(x) === 'unknown-server'), 'unknown-server for beta');
    const text = 'SErvername  alpha\n   SCHEDMODE POLLING\nSErvername  beta\n   SCHEDMODE POLLING\n';
    await vscode.workspace.fs.writeFile(fixtureUri('live/dsm.sys'), new TextEncoder().encode(text));
    await waitForDiagnostics(
      opt.uri,
      (d) => !d.some((x) => codeOf(x) === 'unknown-server'),
      'unknown-server gone after the change on disk',
    );
  });
});

describe('Include-exclude files', () => {
  before(activateExtension);

  it('opens in the dsm language, raises only its real problem (no wrong-file on EXCLUDE.DIR), and the quick fix quotes the pattern', async () => {
    const doc = await openDoc('inclexcl/backup.excl');
    assert.strictEqual(doc.languageId, 'dsm');
    const line = lineOf(doc, /scratch area/);
    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'pattern-blank-unquoted'),
      'pattern-blank-unquoted',
    );
    assert.deepStrictEqual(
      diagnostics.map((d) => [codeOf(d), d.range.start.line, d.severity]),
      [['pattern-blank-unquoted', line, vscode.DiagnosticSeverity.Error]],
      diagnostics.map(describeDiagnostic).join('\n'),
    );
    const actions = await codeActions(doc.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    const quote = actions.find((a) => /^Quote the pattern/.test(a.title));
    assert.ok(quote, `a quick fix that quotes the pattern; got: ${actions.map((a) => a.title).join(' | ')}`);
    await applyAction(quote);
    assert.strictEqual(doc.lineAt(line).text, 'EXCLUDE       "/data/scratch area/.../*"');
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics after the fix');
  });

  it('hover explains the statement and the processing order', async () => {
    const doc = await openDoc('inclexcl/backup.excl');
    const at = wordRange(doc, lineOf(doc, /^EXCLUDE\.DIR\s+\/proc/), 'EXCLUDE.DIR').start.translate(0, 3);
    const text = await waitFor(async () => {
      const t = await hoverAt(doc.uri, at);
      return /Processing order/.test(t) ? t : undefined;
    }, 'a hover with the processing order');
    assert.match(text, /EXCLUDE\.DIR/);
    assert.match(text, /bottom up/);
  });
});
