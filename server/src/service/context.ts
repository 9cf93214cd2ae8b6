/** What every feature is given besides the document: the world's facts, the user's settings and what the client can show. */
import type { MarkupKind } from 'vscode-languageserver-types';
import type { OptionTable } from '../model/optionTable';
import type { ServerCatalog } from '../model/serverCatalog';
import type { DsmSettings } from './settings';
import type { WorkspaceIndex } from './workspaceIndex';

/** What the editor on the other side can do, as far as the features care. */
export interface ClientFeatures {
  /** The client shows the snippets of snippets/ itself, so the server offers only the site's extra ones. */
  builtinSnippets?: boolean;
  /** The client can insert snippets (LSP completionItem.snippetSupport). */
  snippetSupport?: boolean;
  /** The client has the command that adds a name to dsm.knownOptions (VS Code does). */
  addKnownOptionCommand?: boolean;
  /** The client asked for the restart reminder as a command on SCHEDMODE fixes (VS Code does); others get plain edits. */
  restartReminderCommand?: boolean;
  /** The client has dsm.showFirewallRules, which opens the rules in a new document (VS Code does); others get dsm.firewallRules. */
  firewallRulesCommand?: boolean;
  /** The client has dsm.testConnection (VS Code on the desktop): the code lens offers it. */
  testConnectionCommand?: boolean;
  /** The client has dsm.showEffectiveOptions and runs its command links in hovers (VS Code): the stanza hover links to it. */
  effectiveOptionsCommand?: boolean;
  /** How hover text is written: markdown, or plaintext for clients that show only that. */
  hoverFormat?: MarkupKind;
  /** How completion documentation is written. */
  documentationFormat?: MarkupKind;
  /** The client asks for completion items' documentation on demand (completionItem/resolve), so long lists go without it. */
  resolveDocumentation?: boolean;
  /** The client shows a diagnostic's codeDescription (LSP publishDiagnostics.codeDescriptionSupport): diagnostics link IBM's page. */
  codeDescription?: boolean;
  /** The client has dsm.placeCursor (VS Code does): the ignore quick fix leaves the cursor where the reason goes. */
  placeCursorCommand?: boolean;
}

/** How suppression comments are read (dsm-lint's --no-inline-disable and --report-unused-disable); the editor keeps the defaults. */
export interface LintModes {
  /** Suppression comments silence findings (default true). */
  inlineDisable?: boolean;
  /** Suppressions that silence nothing are reported as unused-disable (default false). */
  reportUnusedDisable?: boolean;
}

export interface ServiceContext {
  table: OptionTable;
  catalog: ServerCatalog;
  settings: DsmSettings;
  client: ClientFeatures;
  /** The other files of the client's setup, as far as they are known; the server does the reading. */
  workspace?: WorkspaceIndex;
  lint?: LintModes;
}
