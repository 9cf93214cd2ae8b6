/**
 * The VS Code client on the web (vscode.dev, github.dev): package.json's
 * `browser` entry. It starts the bundled language server in a web worker
 * (dist/browser/server.js); everything else is shared with the desktop
 * client (common.ts), files that are not open included (dsm/readFile).
 */
/// <reference lib="webworker" />
import { ExtensionContext, Uri } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, clientOptions, startClient } from './common';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const worker = new Worker(Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js').toString(true));
  // vscode-languageclient 11: (id, name, serverOptions, clientOptions); the worker is the server options.
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, clientOptions());
  await startClient(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
