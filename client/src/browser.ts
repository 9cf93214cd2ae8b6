/**
 * The VS Code client on the web (vscode.dev, github.dev): package.json's
 * `browser` entry. It starts the bundled language server in a web worker
 * (dist/browser/server.js); everything else is shared with the desktop
 * client (common.ts), files that are not open included (dsm/readFile).
 */
/// <reference lib="webworker" />
import { ExtensionContext, Uri, commands, window } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, clientOptions, startClient } from './common';
import { COMMANDS } from '../../server/src/service/codes';

/** Restart the scheduler and Check this host need the host itself (its processes, a terminal): not on the web. */
function hostOnly(): void {
  void window.showInformationMessage(
    'This command needs the machine where the backup client runs: use VS Code on the desktop, or over Remote SSH on that machine.',
  );
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const worker = new Worker(Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js').toString(true));
  // vscode-languageclient 11: (id, name, serverOptions, clientOptions); the worker is the server options.
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, clientOptions());
  for (const id of [COMMANDS.restartScheduler, COMMANDS.checkHost])
    context.subscriptions.push(commands.registerCommand(id, hostOnly));
  await startClient(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
