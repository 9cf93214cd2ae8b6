/** Settings: the initial ones, those the client pushes, and those the server pulls; problems are shown once. */
import { DidChangeConfigurationNotification, DidChangeConfigurationParams, MessageType } from 'vscode-languageserver';
import type { ServerCore } from './core';
import { checkSettings } from '../service/settings';
import { messageOf } from '../util/errors';
import { registerWatchers } from './documents';

export function bindSettings(server: ServerCore): void {
  const c = server.connection;
  /** The `dsm` section last pushed by the client, over the initial settings; the problems last shown. */
  const state = { pushed: undefined as unknown, lastProblems: '' };
  c.onInitialized(() => {
    server.guard('start', () => server.languageService(), undefined);
    if (server.profile.configurationRegistration) {
      c.client
        .register(DidChangeConfigurationNotification.type, { section: 'dsm' })
        .catch((e) => server.log(`dsm: could not register for settings changes: ${messageOf(e)}`));
    }
    if (server.profile.pullConfiguration) void loadSettings(server, state);
    registerWatchers(server);
    void server.workspace.setFolders(server.profile.workspaceFolders);
  });
  c.onDidChangeConfiguration((p: DidChangeConfigurationParams) => {
    const settings: unknown = p?.settings;
    // A notification without a dsm section (VS Code sends none once it is asked to pull) keeps what was given before.
    if (typeof settings === 'object' && settings !== null && 'dsm' in settings) state.pushed = settings.dsm;
    void loadSettings(server, state);
  });
}

interface SettingsState {
  pushed: unknown;
  lastProblems: string;
}

async function loadSettings(server: ServerCore, state: SettingsState): Promise<void> {
  let raw = state.pushed ?? server.profile.initialSettings;
  if (server.profile.pullConfiguration) {
    try {
      // A client with no dsm section answers null: then what was given before stands.
      raw = (await server.connection.workspace.getConfiguration('dsm')) ?? raw;
    } catch (e) {
      server.log(`dsm: could not read the settings: ${messageOf(e)}`);
    }
  }
  server.guard('settings', () => applySettings(server, state, raw), undefined);
}

function applySettings(server: ServerCore, state: SettingsState, raw: unknown): void {
  const { settings, problems } = checkSettings(raw);
  const summary = problems.join(' ');
  if (summary && summary !== state.lastProblems)
    server.showMessage(MessageType.Warning, `TSM Client Options settings: ${summary}`);
  state.lastProblems = summary;
  server.languageService().configure(settings);
  server.documents.reparseAll();
  for (const d of server.documents.all()) server.validator.schedule(d.uri, true);
}
