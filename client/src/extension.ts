/**
 * The VS Code client: starts the bundled language server and nothing else.
 * vscode-languageclient restarts the server if it dies, and logs to the
 * "TSM Client Options" output channel; `dsm.trace.server` traces the protocol.
 */
import * as path from 'path';
import { ConfigurationTarget, ExtensionContext, commands, window, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dsm' }],
    // The snippets of snippets/ are contributed by package.json; the server adds only a site's extra servers.
    initializationOptions: { builtinSnippets: true, addKnownOptionCommand: true, restartReminderCommand: true },
  };
  // Offered by the server's quick fix on an unknown option: remember it as known in this workspace.
  context.subscriptions.push(
    commands.registerCommand('dsm.addKnownOption', async (name: unknown) => {
      if (typeof name !== 'string' || !name) return;
      const config = workspace.getConfiguration('dsm');
      const known = config.get<string[]>('knownOptions', []);
      if (known.some((k) => k.toLowerCase() === name.toLowerCase())) return;
      const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
      await config.update('knownOptions', [...known, name], target);
      void window.showInformationMessage(`${name} added to dsm.knownOptions.`);
    }),
  );
  client = new LanguageClient('dsm', 'TSM Client Options', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
