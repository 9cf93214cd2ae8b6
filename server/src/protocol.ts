/**
 * What this server and the VS Code client agree on beyond LSP: the
 * initialization options the client may send, and the custom request through
 * which the server reads files. Other editors need none of it.
 */

/** What a client may ask for in initializationOptions (the VS Code client sends all but `settings`). */
export interface InitializationOptions {
  /** The client contributes snippets/ itself: the server offers only a site's extra servers. */
  builtinSnippets?: boolean;
  /** The client has the dsm.addKnownOption command. */
  addKnownOptionCommand?: boolean;
  /** SCHEDMODE fixes carry the restart-reminder command (others get plain edits). */
  restartReminderCommand?: boolean;
  /** The firewall code lens runs dsm.showFirewallRules, which the client has (others get dsm.firewallRules). */
  firewallRulesCommand?: boolean;
  /** The client has dsm.testConnection, so the code lens offers "Test connection" (VS Code on the desktop). */
  testConnectionCommand?: boolean;
  /** The client has dsm.showEffectiveOptions and trusts its command links in hovers: the stanza hover links to it. */
  effectiveOptionsCommand?: boolean;
  /** The client has dsm.placeCursor: the ignore quick fix leaves the cursor where the reason goes (others get a plain edit). */
  placeCursorCommand?: boolean;
  /** The client answers dsm/readFile: files that are not open are read through it (VS Code, on the desktop and on the web). */
  fileAccess?: boolean;
  /**
   * The client watches the option and include-exclude files of the workspace
   * folders itself (WATCHED_FILE_GLOBS in parser/fileKind.ts) and sends their changes
   * (workspace/didChangeWatchedFiles): the server registers no watcher for them.
   */
  watchesFiles?: boolean;
  /** The `dsm` settings, for clients that do not answer workspace/configuration. */
  settings?: unknown;
}

/** Server to client: the text of a file that is not open. */
export const READ_FILE_REQUEST = 'dsm/readFile';

export interface ReadFileParams {
  uri: string;
  maxBytes: number;
}

/** The text, or null when the file does not exist, is not a regular file, or is larger than maxBytes. */
export type ReadFileResult = { text: string } | null;

/** Server to client, when the client declared fileAccess: the files under a folder whose names match any of the basename globs (of * and ?, without regard to case). */
export const FIND_FILES_REQUEST = 'dsm/findFiles';

export interface FindFilesParams {
  baseUri: string;
  names: string[];
  maxResults: number;
}

/** The URIs found (at most maxResults). */
export type FindFilesResult = string[];

/** Server to client, when the client declared fileAccess: does a file or folder exist at this URI? */
export const EXISTS_REQUEST = 'dsm/exists';

export interface ExistsParams {
  uri: string;
}

export type ExistsResult = boolean;
