/** What every feature is given besides the document: the world's facts and the user's settings. */
import { OptionTable } from '../model/optionTable';
import { ServerCatalog } from '../model/serverCatalog';
import { DsmSettings } from './settings';

export interface ServiceContext {
  table: OptionTable;
  catalog: ServerCatalog;
  settings: DsmSettings;
  /** The client shows the snippets of snippets/ itself, so the server offers only the site's extra ones. */
  clientHasBuiltinSnippets?: boolean;
  /** The client can insert snippets (LSP completionItem.snippetSupport). */
  snippetSupport?: boolean;
  /** The client has the command that adds a name to dsm.knownOptions (VS Code does). */
  addKnownOptionCommand?: boolean;
  /** The stanza names of the dsm.sys beside a UNIX dsm.opt, when it can be read. The server does the reading. */
  stanzaNamesBeside?: (optUri: string) => string[] | undefined;
}

/** Diagnostic source and codes: stable, documented in the README. */
export const SOURCE = 'dsm';

/** Executed after a SCHEDMODE fix: tells the user the scheduler must be restarted. */
export const RESTART_REMINDER_COMMAND = 'dsm.schedulerRestartReminder';
/** Client-side command (VS Code) that adds an option name to the workspace's dsm.knownOptions. */
export const ADD_KNOWN_OPTION_COMMAND = 'dsm.addKnownOption';

export const RESTART_REMINDER_TEXT =
  'SCHEDMODE changed: restart the TSM client scheduler (dsmcad, or the scheduler service on Windows) for it to take effect.';
