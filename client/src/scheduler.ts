/**
 * "Restart the scheduler" and "Check this host (doctor)", in VS Code on the
 * desktop and over Remote SSH (where the extension host runs on the host of
 * the client); never on the web (browser.ts does not load this module).
 *
 * How the scheduler runs is found, not assumed: a systemd unit
 * (`systemctl list-unit-files 'dsm*'`), an init script /etc/init.d/dsmcad,
 * a launchd daemon in /Library/LaunchDaemons, or the Windows services "TSM
 * Client Acceptor" / "TSM Client Scheduler" (`sc query`). The exact command
 * is shown, and runs only after the user picks it, in a terminal of VS Code
 * (so that sudo can ask for a password). It is given as a program and its
 * arguments, never as shell text. Afterwards `dsm-lint doctor --format json`
 * (the bundled dist/dsm-lint.js) says whether the scheduler started after
 * the last change of the option files.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ExtensionContext, Terminal, window } from 'vscode';

/** What the doctor's JSON holds that the client reads (README, "dsm-lint doctor"). */
export interface DoctorReport {
  ok: boolean;
  findings: {
    code: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
    fix?: string;
    file?: string;
    line?: number;
  }[];
  scheduler?: { kind: string; pid: number; started: string; optionFilesChanged?: string; restartNeeded: boolean };
}

export interface RestartResult {
  /** The command shown to the user; undefined when nothing was found to run. */
  shown?: string;
  ran: boolean;
  exitCode?: number;
  doctor?: DoctorReport;
}

function run(file: string, args: string[], timeoutMs = 15000): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout) });
    });
  });
}

/** A program's absolute path on the extension host's PATH (what the terminal runs, without a shell to look it up). */
export function which(program: string): string | undefined {
  if (path.isAbsolute(program)) return fs.existsSync(program) ? program : undefined;
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, program + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

const SAFE_NAME = /^[\w@.:-]+$/;

/** The command that restarts the scheduler on this host, as argv; undefined when none is found. */
export async function restartCommand(): Promise<string[] | undefined> {
  if (process.platform === 'win32') {
    for (const service of ['TSM Client Acceptor', 'TSM Client Scheduler']) {
      if ((await run('sc', ['query', service])).code === 0)
        return ['powershell', '-NoProfile', '-Command', `Restart-Service -Name '${service}'`];
    }
    return undefined;
  }
  if (process.platform === 'darwin') {
    const daemons = fs.existsSync('/Library/LaunchDaemons') ? fs.readdirSync('/Library/LaunchDaemons') : [];
    const plist = daemons.find((f) => /dsmcad.*\.plist$/i.test(f));
    const label = plist?.replace(/\.plist$/i, '');
    return label && SAFE_NAME.test(label) ? ['sudo', 'launchctl', 'kickstart', '-k', `system/${label}`] : undefined;
  }
  if (which('systemctl')) {
    const listed = await run('systemctl', ['list-unit-files', '--no-legend', '--no-pager', '--type=service', 'dsm*']);
    const units =
      listed.code === 0
        ? listed.stdout
            .split('\n')
            .map((l) => l.trim().split(/\s+/)[0])
            .filter((u) => SAFE_NAME.test(u) && /^dsm(cad|sched|c\b)[\w@.:-]*\.service$/i.test(u))
        : [];
    const unit = units.find((u) => /^dsmcad/i.test(u)) ?? units[0];
    if (unit) return ['sudo', 'systemctl', 'restart', unit];
  }
  if (fs.existsSync('/etc/init.d/dsmcad')) return ['sudo', '/etc/init.d/dsmcad', 'restart'];
  return undefined;
}

/** argv as a person would type it. */
export function display(argv: readonly string[]): string {
  return argv
    .map((a) =>
      /^[\w@%+=:,./-]+$/.test(a) ? a : process.platform === 'win32' ? `"${a}"` : `'${a.replace(/'/g, `'\\''`)}'`,
    )
    .join(' ');
}

const BY_HAND =
  'No scheduler service was found on this host (no systemd unit dsm*.service, no /etc/init.d/dsmcad, no launchd daemon, no Windows service "TSM Client Acceptor" or "TSM Client Scheduler"). Restart it by hand: stop the client acceptor (dsmcad) or "dsmc schedule" and start it again.';

/** Runs argv in a terminal of VS Code and waits for it to end; the exit code, if the terminal gives one. */
async function inTerminal(argv: string[]): Promise<number | undefined> {
  const program = which(argv[0]);
  if (!program) throw new Error(`${argv[0]} was not found on the PATH`);
  const terminal: Terminal = window.createTerminal({
    name: 'Restart the TSM scheduler',
    shellPath: program,
    shellArgs: argv.slice(1),
  });
  terminal.show();
  for (;;) {
    if (terminal.exitStatus) return terminal.exitStatus.code;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `node dist/dsm-lint.js doctor --format json ...`, with VS Code's own Node (Electron as Node on the desktop). */
export function runDoctor(context: ExtensionContext, extraArgs: string[] = []): Promise<DoctorReport> {
  const script = context.asAbsolutePath(path.join('dist', 'dsm-lint.js'));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, 'doctor', '--format', 'json', ...extraArgs],
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 120000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(String(stdout)) as DoctorReport);
        } catch {
          reject(
            new Error(
              `dsm-lint doctor gave no report${stderr ? `: ${String(stderr).trim()}` : error ? `: ${error.message}` : ''}`,
            ),
          );
        }
      },
    );
  });
}

/** One sentence on the scheduler after a restart, from the doctor's report. */
export function afterRestart(report: DoctorReport): { ok: boolean; message: string } {
  const s = report.scheduler;
  if (!s)
    return {
      ok: false,
      message:
        'After the restart, the doctor finds no scheduler running on this host (neither dsmcad nor "dsmc schedule").',
    };
  const changed = s.optionFilesChanged ? `, after the last change of the option files (${s.optionFilesChanged})` : '';
  if (!s.restartNeeded)
    return {
      ok: true,
      message: `The scheduler (${s.kind}, pid ${s.pid}) started ${s.started}${changed}: the change is in effect.`,
    };
  return {
    ok: false,
    message: `The scheduler (${s.kind}, pid ${s.pid}) started ${s.started}, before the last change of the option files (${s.optionFilesChanged}): it still needs a restart.`,
  };
}

export const RUN_LABEL = 'Run it in a terminal';

/**
 * Finds the command, shows it and asks (a quick pick titled with the command: escape or Cancel runs
 * nothing), runs it in a terminal, then asks the doctor. Returns what happened (the tests read it).
 */
export async function restartScheduler(context: ExtensionContext): Promise<RestartResult> {
  const argv = await restartCommand();
  if (!argv) {
    void window.showWarningMessage(BY_HAND);
    return { ran: false };
  }
  const shown = display(argv);
  const pick = await window.showQuickPick([{ label: RUN_LABEL, description: shown }, { label: 'Cancel' }], {
    title: `Restart the scheduler: ${shown}`,
    placeHolder: `Runs "${shown}" in a terminal of VS Code, where sudo can ask for your password.`,
    ignoreFocusOut: true,
  });
  if (pick?.label !== RUN_LABEL) return { shown, ran: false };
  let exitCode: number | undefined;
  try {
    exitCode = await inTerminal(argv);
  } catch (e) {
    void window.showErrorMessage(`Restart the scheduler: ${(e as Error).message}.`);
    return { shown, ran: false };
  }
  if (exitCode !== undefined && exitCode !== 0) {
    void window.showWarningMessage(
      `"${shown}" ended with exit code ${exitCode}: the scheduler may not have been restarted.`,
    );
  }
  try {
    const doctor = await runDoctor(context, ['--no-network']);
    const { ok, message } = afterRestart(doctor);
    void (ok ? window.showInformationMessage(message) : window.showWarningMessage(message));
    return { shown, ran: true, exitCode, doctor };
  } catch (e) {
    void window.showWarningMessage(
      `The scheduler was restarted, but the doctor could not check it: ${(e as Error).message}.`,
    );
    return { shown, ran: true, exitCode };
  }
}
