/**
 * The VS Code client on the desktop: starts the bundled language server in a
 * Node process (see common.ts for what it shares with the web client), and
 * adds what needs Node: "Test connection to this server" (connectionCommand.ts).
 * vscode-languageclient restarts the server if it dies, and logs to the
 * "TSM Client Options" output channel; `dsm.trace.server` traces the protocol.
 */
import * as path from 'path';
import { ExtensionContext } from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions, startClient } from './common';
import { testConnection } from './connectionCommand';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions({ testConnectionCommand: true }));
  await startClient(context, client, { testConnection });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
