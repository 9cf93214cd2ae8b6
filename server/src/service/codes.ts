/**
 * The identifiers the outside world sees, in one place: the diagnostic
 * source, every diagnostic code with its default severity, the severity
 * levels a user may choose, the command ids and the code-action kinds.
 * package.json's `dsm.severity` schema must list the same codes and levels;
 * a unit test holds the two together.
 */
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';

/** The `source` of every diagnostic. */
export const SOURCE = 'dsm';

/** Every diagnostic code, with its default severity: stable, listed in the README. */
export const CODES = {
  'schedmode-prompted': DiagnosticSeverity.Warning,
  'schedmode-missing': DiagnosticSeverity.Warning,
  'unknown-option': DiagnosticSeverity.Warning,
  'ambiguous-abbreviation': DiagnosticSeverity.Warning,
  'invalid-value': DiagnosticSeverity.Error,
  'option-outside-stanza': DiagnosticSeverity.Error,
  'wrong-file': DiagnosticSeverity.Warning,
  'duplicate-option': DiagnosticSeverity.Warning,
  'duplicate-stanza': DiagnosticSeverity.Error,
  'unknown-server': DiagnosticSeverity.Warning,
  'tcpport-mismatch': DiagnosticSeverity.Warning,
  'prompted-only-option': DiagnosticSeverity.Hint,
  'scheduler-needs-generate': DiagnosticSeverity.Information,
  'hash-comment': DiagnosticSeverity.Hint,
  'pattern-blank-unquoted': DiagnosticSeverity.Error,
  'pattern-unbalanced-quote': DiagnosticSeverity.Warning,
  'pattern-wildcard': DiagnosticSeverity.Warning,
  'pattern-star-dot-star': DiagnosticSeverity.Hint,
  'pattern-platform': DiagnosticSeverity.Warning,
  'management-class': DiagnosticSeverity.Warning,
  'statement-never-applies': DiagnosticSeverity.Warning,
} as const;

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

/** Commands. The server executes the first two; the VS Code client registers the third. */
export const COMMANDS = {
  /** After a SCHEDMODE fix: tells the user (window/showMessage) that the scheduler must be restarted. */
  restartReminder: 'dsm.schedulerRestartReminder',
  /** Applies a quick fix for clients that take code actions only as commands: arguments [WorkspaceEdit]. */
  applyEdit: 'dsm.applyEdit',
  /** Client-side (VS Code): adds an option name to the workspace's dsm.knownOptions: arguments [name]. */
  addKnownOption: 'dsm.addKnownOption',
} as const;

export const RESTART_REMINDER_TEXT =
  'SCHEDMODE changed: restart the TSM client scheduler (dsmcad, or the scheduler service on Windows) for it to take effect.';

/** The code-action kind of "fix all": every preferred SCHEDMODE fix at once. */
export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.dsm';
