/**
 * The VS Code client on the desktop: starts the bundled language server in a
 * Node process (see common.ts for what it shares with the web client), and
 * adds what needs Node: "Test connection to this server" (connectionCommand.ts),
 * "Restart the scheduler" and "Check this host (doctor)" (scheduler.ts, hostCheck.ts).
 * vscode-languageclient restarts the server if it dies, and logs to the
 * "TSM Client Options" output channel; `dsm.trace.server` traces the protocol.
 */
import * as path from 'path';
import { ExtensionContext, commands } from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions, startClient } from './common';
import { testConnection } from './connectionCommand';
import { COMMANDS, RESTART_REMINDER_TEXT } from '../../server/src/service/codes';
import { checkHost, offerRestart } from './hostCheck';
import { restartScheduler } from './scheduler';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const options = clientOptions({ testConnectionCommand: true });
  // The restart reminder after a SCHEDMODE fix: on the desktop it also offers to restart the scheduler (scheduler.ts).
  options.middleware = {
    // Not awaited: the fix that carries the reminder must not wait for the user's answer to it.
    executeCommand: (command, args, next) =>
      command === COMMANDS.restartReminder ? void offerRestart(context, RESTART_REMINDER_TEXT) : next(command, args),
  };
  context.subscriptions.push(commands.registerCommand(COMMANDS.restartScheduler, () => restartScheduler(context)));
  context.subscriptions.push(commands.registerCommand(COMMANDS.checkHost, () => checkHost(context)));
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
  await startClient(context, client, { testConnection });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
