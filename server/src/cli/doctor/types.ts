/**
 * The shapes of `dsm-lint doctor`: what it was asked, what it found, and
 * the report it prints (its JSON is documented in the README, "dsm-lint
 * doctor"). Plain data only.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable: scripts and the fleet playbook match on it. */
  code: string;
  severity: Severity;
  message: string;
  /** The fix, in one sentence. */
  fix?: string;
  /** The file involved, as a path of this host (under --root, the copy's path). */
  file?: string;
  /** 0-based, as in LSP and the editor. */
  line?: number;
}

export interface SchedulerState {
  kind: 'dsmcad' | 'dsmc';
  pid: number;
  /** ISO 8601. */
  started: string;
  /** The last change of the option files it reads (ISO 8601); absent when none was found. */
  optionFilesChanged?: string;
  restartNeeded: boolean;
}

export type Connection = 'connected' | 'refused' | 'timed out' | 'name not resolved' | 'unreachable' | 'not checked';

export interface StanzaState {
  name: string;
  file: string;
  line: number;
  address?: string;
  port: number;
  schedmode: 'polling' | 'prompted';
  sessionInitiation: 'client' | 'serveronly';
  connection: Connection;
  /** PROMPTED or SERVERONLY: the port the server calls in on, and whether anything listens there. */
  inboundPort?: number;
  listening?: boolean;
}

export interface DoctorReport {
  ok: boolean;
  findings: Finding[];
  scheduler?: SchedulerState;
  stanzas: StanzaState[];
}

export interface DoctorOptions {
  /** A copy of a machine's file tree: every path of the host is read under it. */
  root?: string;
  format: 'text' | 'json';
  /** Seconds for each TCP connection. */
  timeout: number;
  network: boolean;
  /** Days without a scheduled backup before the logs are reported. */
  maxAge: number;
}
