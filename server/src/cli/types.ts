/**
 * The shapes dsm-lint's modules share: what it was asked, what a worker is
 * told, and what one checked file gives back. Plain data only: a FileResult
 * crosses from a worker thread to the main thread by structured clone.
 */
import type { DsmSettings } from '../service/settings';
import type { LintModes } from '../service/context';

/** A diagnostic severity, by the names of the `dsm.severity` setting. */
export type Level = 'error' | 'warning' | 'information' | 'hint';

/** From the most to the least severe: a problem fails the run when it is at or before the --fail-on level. */
export const LEVEL_ORDER: readonly Level[] = ['error', 'warning', 'information', 'hint'];

export type Format = 'text' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

/** `none`: check only; `write`: --fix; `diff`: --fix-dry-run. */
export type FixMode = 'none' | 'write' | 'diff';

/** Which fixes --fix applies: the fix-all set (undefined), every preferred fix (`all`), or the preferred fixes of these codes. */
export type FixCodes = undefined | 'all' | readonly string[];

/** The command line, read. */
export interface LintOptions {
  /** Files, folders, and `-` for standard input, as given. */
  inputs: string[];
  stdinFilename?: string;
  /** --kind, as given (checked against the shared detection). */
  kind?: string;
  format: Format;
  failOn: Level;
  fix: FixMode;
  fixCodes: FixCodes;
  config?: string;
  sys?: string;
  jobs: number;
  quiet: boolean;
  /** Given files too are checked only when their names are recognised (as in folders). */
  byName: boolean;
  /** undefined: a progress line when both stdout and stderr are a terminal. */
  progress?: boolean;
  /** --no-inline-disable, --report-unused-disable. */
  lint: LintModes;
}

/** How every file of a run is checked: the same in the main thread and in each worker. */
export interface CheckSetup {
  settings: DsmSettings;
  kind?: string;
  fix: FixMode;
  fixCodes: FixCodes;
  /** The dsm.sys every dsm.opt is checked against (--sys), as an absolute path. */
  sys?: string;
  /** How suppression comments are read. */
  lint?: LintModes;
}

/** One file to check: its path on disk and the name it is shown by. */
export interface FileJob {
  path: string;
  display: string;
  /** Named on the command line (not found in a folder). */
  explicit: boolean;
}

export interface Problem {
  /** 1-based; end exclusive, as in SARIF. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Level;
  code: string;
  message: string;
  /** Stable across runs while the line and its neighbours of the same code do not change. */
  fingerprint: string;
}

/** A fix applied (or, with --fix-dry-run, that would be). */
export interface Change {
  line: number;
  column: number;
  code: string;
  title: string;
}

export interface FileResult {
  display: string;
  problems: Problem[];
  changes?: Change[];
  /** --fix-dry-run: the unified diff of the changes. */
  diff?: string;
  /** The file could not be read, checked or written: the run exits 2. */
  error?: string;
  /** Things the user should know that are not problems of the file (not fixed, because...). */
  notes?: string[];
}
