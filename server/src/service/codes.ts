/**
 * The identifiers the outside world sees, in one place: the diagnostic
 * source, every diagnostic code with its default severity and meaning, the severity
 * levels a user may choose, the command ids and the code-action kinds.
 * package.json's `dsm.severity` schema must list the same codes and levels;
 * a unit test holds the two together.
 */
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';

/** The `source` of every diagnostic. */
export const SOURCE = 'dsm';

/** A diagnostic code's default severity, and what it means in one line (dsm-lint's SARIF rules say it). */
export interface CodeInfo {
  severity: DiagnosticSeverity;
  summary: string;
}

/** Every diagnostic code: stable, listed in the README's table (a unit test holds the two together). */
export const CODES = {
  'schedmode-prompted': {
    severity: DiagnosticSeverity.Warning,
    summary:
      'SCHEDMODE PROMPTED: the server must call the client in, and a firewall silently stops the backups; use POLLING.',
  },
  'schedmode-missing': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A dsm.sys server stanza or a complete dsm.opt without SCHEDMODE: say POLLING explicitly.',
  },
  'unknown-option': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A name that is no client option: the client stops at start-up.',
  },
  'ambiguous-abbreviation': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An option name shorter than its minimum abbreviation, or one that fits several options.',
  },
  'invalid-value': {
    severity: DiagnosticSeverity.Error,
    summary: 'A value the option does not take: a keyword outside its set, a number out of range, a quoted keyword.',
  },
  'option-outside-stanza': {
    severity: DiagnosticSeverity.Error,
    summary: 'In dsm.sys, a stanza option before the first SErvername.',
  },
  'wrong-file': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An option in a file (or place) where the client does not read it.',
  },
  'duplicate-option': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A single-valued option given twice in one stanza or file: only the last one counts.',
  },
  'duplicate-stanza': { severity: DiagnosticSeverity.Error, summary: 'Two server stanzas of one name.' },
  'unknown-server': {
    severity: DiagnosticSeverity.Warning,
    summary: 'DEFAULTServer, or a dsm.opt SErvername, names no stanza of the dsm.sys.',
  },
  'tcpport-mismatch': {
    severity: DiagnosticSeverity.Warning,
    summary: "TCPPort is not the port of the catalogued server the stanza's TCPServeraddress names.",
  },
  'prompted-only-option': {
    severity: DiagnosticSeverity.Hint,
    summary: 'TCPCLIENTPort or TCPCLIENTAddress where the scheduler polls: they have no effect.',
  },
  'scheduler-needs-generate': {
    severity: DiagnosticSeverity.Information,
    summary: 'MANAGEDServices schedule without PASSWORDAccess generate: the scheduler cannot log in unattended.',
  },
  'hash-comment': {
    severity: DiagnosticSeverity.Hint,
    summary: 'A # comment line: IBM documents only * for comments.',
  },
  'path-needs-quotes': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A file specification with blanks and no quotes: the client reads only its first word.',
  },
  'pattern-blank-unquoted': {
    severity: DiagnosticSeverity.Error,
    summary: 'An include-exclude pattern cut by a blank: it must be quoted.',
  },
  'pattern-unbalanced-quote': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An include-exclude pattern whose quote is never closed.',
  },
  'pattern-wildcard': {
    severity: DiagnosticSeverity.Warning,
    summary:
      'A wildcard where IBM does not allow it: ... inside a name, an unclosed [, an escape outside a character class.',
  },
  'pattern-star-dot-star': {
    severity: DiagnosticSeverity.Hint,
    summary: 'A pattern ending *.*, which leaves out names without a dot; IBM advises *.',
  },
  'pattern-platform': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A Windows path in an include-exclude file for UNIX, or a UNIX path in one for Windows.',
  },
  'management-class': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An invalid management class name, or a class after a statement that takes none.',
  },
  'statement-never-applies': {
    severity: DiagnosticSeverity.Warning,
    summary: "An include-exclude statement IBM's processing order never reaches.",
  },
  'serveronly-polling': {
    severity: DiagnosticSeverity.Warning,
    summary:
      'SESSIONINITiation SERVEROnly where the scheduler polls (SCHEDMODe POlling, or no SCHEDMODe): only a prompted scheduler is reached.',
  },
  'serveronly-managedservices': {
    severity: DiagnosticSeverity.Warning,
    summary: 'MANAGEDServices schedule with SESSIONINITiation SERVEROnly: the client acceptor cannot schedule then.',
  },
  'schedmode-server-mismatch': {
    severity: DiagnosticSeverity.Warning,
    summary:
      "The stanza's SCHEDMODe is not the one mode its catalogued server allows (the catalog entry's schedmodes, as SET SCHEDMODES).",
  },
  'passwordaccess-differs': {
    severity: DiagnosticSeverity.Information,
    summary:
      'PASSWORDAccess written with different values in two stanzas of one dsm.sys: IBM asks for the same value in each.',
  },
  'encryptkey-prompt': {
    severity: DiagnosticSeverity.Warning,
    summary: 'ENCRYPTKey prompt beside INCLUDE.ENCRYPT: a scheduled backup cannot type the encryption key.',
  },
  'prompted-needs-tcpip': {
    severity: DiagnosticSeverity.Warning,
    summary: 'SCHEDMODe PRompted with COMMMethod SHAREdmem or NAMedpipes: only TCP/IP can use the prompted mode.',
  },
  'password-ignored': {
    severity: DiagnosticSeverity.Hint,
    summary: 'PASsword where PASSWORDAccess is generate: IBM says the password option is ignored then.',
  },
  'unused-disable': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A dsm-disable comment that silences nothing (reported by dsm-lint --report-unused-disable).',
  },
  'removed-option': {
    severity: DiagnosticSeverity.Information,
    summary: 'An option IBM has removed, renamed or replaced: the message says since when and by what.',
  },
  'stanza-name': {
    severity: DiagnosticSeverity.Warning,
    summary: 'A dsm.sys server stanza name longer than 64 characters, or with a blank in it.',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export function isCode(code: unknown): code is Code {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CODES, code);
}

/** The code of a check that threw: reported at information level, never configurable. */
export const INTERNAL_ERROR_CODE = 'internal-error';

/** The levels of the `dsm.severity` setting, and the LSP severity each stands for (`off`: not reported). */
export const LEVELS = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
  off: null,
} as const;

export type SeverityLevel = keyof typeof LEVELS;

/** Commands. The server executes restartReminder, applyEdit, firewallRules and effectiveOptions; the VS Code client registers the others. */
export const COMMANDS = {
  /** After a SCHEDMODE fix: tells the user (window/showMessage) that the scheduler must be restarted. */
  restartReminder: 'dsm.schedulerRestartReminder',
  /** Applies a quick fix for clients that take code actions only as commands: arguments [WorkspaceEdit]. */
  applyEdit: 'dsm.applyEdit',
  /** Client-side (VS Code): adds an option name to the workspace's dsm.knownOptions: arguments [name]. */
  addKnownOption: 'dsm.addKnownOption',
  /** What the firewall must allow for a stanza, as rules for iptables, nftables, firewalld, ufw and Windows: arguments [uri, stanza?]; answers text. */
  firewallRules: 'dsm.firewallRules',
  /** Client-side (VS Code): opens the firewall rules in a new document: arguments [uri, stanza?]. */
  showFirewallRules: 'dsm.showFirewallRules',
  /** Client-side (VS Code desktop): opens a TCP connection to a stanza's server: arguments [{address, port, label}]. */
  testConnection: 'dsm.testConnection',
  /** Every option in effect for a stanza or dsm.opt: arguments [uri, { stanza?, defaults?, line?, text? }?]; answers [{ name, value, source, serverOverride? }], or with text: true the text dsm-lint show prints. */
  effectiveOptions: 'dsm.effectiveOptions',
  /** Client-side (VS Code): opens the effective options of the stanza at the cursor in a read-only document: arguments [uri, { stanza?, line? }?]. */
  showEffectiveOptions: 'dsm.showEffectiveOptions',
  /** Client-side (VS Code): after the ignore quick fix, puts the cursor where the reason goes: arguments [uri, position]. */
  placeCursor: 'dsm.placeCursor',
  /** Client-side (VS Code desktop): finds how the scheduler runs, shows the command, runs it in a terminal once confirmed, then asks the doctor. */
  restartScheduler: 'dsm.restartScheduler',
  /** Client-side (VS Code desktop): runs `dsm-lint doctor` and shows its findings in a document. */
  checkHost: 'dsm.checkHost',
  /** Which include-exclude statement decides a path: arguments [uri, path] or [uri, path, { stanza?, operation? }]; answers { path, decision, by, managementClass?, reason }. */
  explainPath: 'dsm.explainPath',
  /** Client-side (VS Code): asks for a path, shows which statement decides it and goes to that line: arguments [uri?]. */
  whichStatement: 'dsm.whichStatementDecides',
} as const;

export const RESTART_REMINDER_TEXT =
  'SCHEDMODE changed: restart the TSM client scheduler (dsmcad, or the scheduler service on Windows) for it to take effect.';

/** The code-action kind of "fix all": every preferred SCHEDMODE fix at once. */
export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.dsm';
