/**
 * In a real VS Code: "Show effective options" opens a read-only document
 * for the stanza at the cursor, and the stanza hover links to it with a
 * command link VS Code trusts. Free of Node: the web suite runs it too.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, lineOf, openDoc, waitFor, wordRange } from './helpers';

/** The effective options document the command opens, once its text has come from the server. */
async function shown(doc: vscode.TextDocument | undefined, marker: RegExp): Promise<vscode.TextDocument> {
  assert.ok(doc, 'the command gave a document');
  return waitFor(
    () => (marker.test(doc.getText()) ? doc : undefined),
    () => `the effective options to show ${marker}; they read:\n${doc.getText()}`,
  );
}

describe('Effective options', () => {
  before(activateExtension);

  it('Show effective options opens a read-only plain-text document for the stanza at the cursor', async () => {
    const sys = await openDoc('dsm.sys');
    const editor = vscode.window.activeTextEditor!;
    const port = lineOf(sys, /^\s*TCPPort\s+1503/);
    editor.selection = new vscode.Selection(port, 3, port, 3);
    const doc = await shown(
      await vscode.commands.executeCommand<vscode.TextDocument>('dsm.showEffectiveOptions'),
      /^Effective options: stanza BUCKY5 of dsm\.sys$/m,
    );
    assert.strictEqual(doc.uri.scheme, 'dsm-effective');
    assert.strictEqual(doc.languageId, 'plaintext');
    assert.strictEqual(vscode.window.activeTextEditor?.document, doc, 'shown in an editor');
    const schedmode = lineOf(sys, /^\s*SCHEDMODE\s+PROMPTED/) + 1;
    assert.match(doc.getText(), new RegExp(`^ +SCHEDMODE: PROMPTED +line ${schedmode}; server: SET SCHEDMODES$`, 'm'));
    assert.match(
      doc.getText(),
      /^Defaults of the option table \(nothing sets them\):\n(.+\n)* +QUERYSCHEDPERIOD: 4 +server: SET QUERYSCHEDPERIOD$/m,
    );
    // Read-only: typing into its editor changes nothing.
    const before = doc.getText();
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.strictEqual(doc.getText(), before, 'typing changed the effective options');
    assert.strictEqual(doc.isDirty, false);
  });

  it('the stanza hover links to it; the link, run as VS Code runs it, opens that stanza', async () => {
    const sys = await openDoc('dsm.sys');
    const header = lineOf(sys, /^SErvername\s+ARCHIVE/);
    const pos = wordRange(sys, header, 'ARCHIVE').start.translate(0, 1);
    const contents = await waitFor(async () => {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sys.uri, pos)) ?? [];
      const all = hovers
        .flatMap((h) => h.contents)
        .filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
      return all.find((c) => c.value.includes('command:dsm.showEffectiveOptions'));
    }, 'a stanza hover with the Show effective options link');
    const link = /\[Show effective options\]\(command:dsm\.showEffectiveOptions\?([^)\s]+)\)/.exec(contents.value);
    assert.ok(link, contents.value);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    assert.deepStrictEqual(args, [sys.uri.toString(), { stanza: 'ARCHIVE' }]);
    const doc = await shown(
      await vscode.commands.executeCommand<vscode.TextDocument>('dsm.showEffectiveOptions', ...args),
      /^Effective options: stanza ARCHIVE of dsm\.sys$/m,
    );
    assert.match(doc.uri.path, /Effective options of dsm\.sys ARCHIVE\.txt$/);
  });

  it('a UNIX dsm.opt: the dsm.opt with the stanza it selects in the dsm.sys beside it', async () => {
    const opt = await openDoc('dsm.opt');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(lineOf(opt, /^DOMain/), 0, lineOf(opt, /^DOMain/), 0);
    const doc = await shown(
      await vscode.commands.executeCommand<vscode.TextDocument>('dsm.showEffectiveOptions'),
      /^Effective options: dsm\.opt with stanza BUCKY2 of dsm\.sys$/m,
    );
    assert.match(
      doc.getText(),
      /^From dsm\.sys:\n( +\S+: .+\n)* +SCHEDMODE: POLLING +line \d+; server: SET SCHEDMODES$/m,
    );
    const domain = lineOf(opt, /^DOMain/) + 1;
    assert.match(
      doc.getText(),
      new RegExp(`^From dsm\\.opt:\\n( +\\S+: .+\\n)* +DOMAIN: / /home /var +line ${domain}$`, 'm'),
    );
  });
});
