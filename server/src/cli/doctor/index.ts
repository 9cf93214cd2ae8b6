/**
 * `dsm-lint doctor`: on the machine where the client runs, does the next
 * scheduled backup have what it needs? It finds the option files as the
 * client does and checks them as dsm-lint does, then looks at the scheduler,
 * the server's port, the stored password and the logs. Nothing read from a
 * file is run or handed to a shell: the doctor runs no program at all.
 */
import { statSync } from 'fs';
import { Checker } from '../check';
import { checkSettings } from '../../service/settings';
import { lintFile } from '../lintFile';
import { DOCTOR_USAGE, parseDoctorArgs } from './args';
import { StanzaConfig, fileSpec, readDoc, stanzaInUse } from './config';
import { checkPassword, checkScheduler } from './hostChecks';
import { checkServer } from './serverCheck';
import { HostFs, Located, locate } from './locate';
import { checkLogs, logFiles } from './logChecks';
import { findSchedulers } from './scheduler';
import { formatReport } from './output';
import type { DoctorOptions, DoctorReport, Finding } from './types';

export interface DoctorIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  now?: Date;
}

/** The option files, checked as dsm-lint checks them: errors and warnings become findings. */
function lintFindings(host: HostFs, located: Located, checker: Checker): Finding[] {
  const findings: Finding[] = [];
  const setup = {
    settings: checkSettings(undefined).settings,
    fix: 'none' as const,
    fixCodes: undefined,
    sys: located.sys && host.local(located.sys),
  };
  for (const file of [located.sys, located.opt]) {
    if (!file) continue;
    const r = lintFile({ path: host.local(file), display: file, explicit: true }, checker, setup);
    if (r.error)
      findings.push({ code: 'doctor-file-unreadable', severity: 'error', message: `${file}: ${r.error}`, file });
    for (const p of r.problems) {
      if (p.severity !== 'error' && p.severity !== 'warning') continue;
      findings.push({
        code: 'doctor-file-problem',
        severity: p.severity,
        message: `${p.code}: ${p.message}`,
        fix: 'Fix the line in the editor or with "dsm-lint --fix"; the file check explains each code.',
        file,
        line: p.line - 1,
      });
    }
  }
  return findings;
}

export async function doctor(options: DoctorOptions, io: DoctorIo): Promise<DoctorReport> {
  const platform = process.platform;
  const host = new HostFs(options.root, io.env, platform === 'win32');
  const procs = platform === 'linux' ? findSchedulers() : undefined;
  const located = locate(host, procs?.[0]?.optfile);
  const findings: Finding[] = [];
  const report: DoctorReport = { ok: true, findings, stanzas: [] };
  if (!located.sys && !located.opt) {
    findings.push({
      code: 'doctor-no-option-files',
      severity: 'error',
      message: `no dsm.sys or dsm.opt was found (looked in ${located.how.length ? located.how.join(', ') : host.installDirs().join(', ')}${options.root ? `, under ${options.root}` : ''}).`,
      fix: "Set DSM_DIR (and DSM_CONFIG) to where the client's option files are, or install the client.",
    });
  } else {
    const how = located.how.length ? ` (${located.how.join('; ')})` : '';
    findings.push({
      code: 'doctor-option-files',
      severity: 'info',
      message: `option files: ${[located.sys, located.opt].filter(Boolean).join(' and ')}${how}.`,
    });
  }
  const checker = new Checker({
    settings: checkSettings(undefined).settings,
    fix: 'none',
    fixCodes: undefined,
    sys: located.sys && host.local(located.sys),
  });
  findings.push(...lintFindings(host, located, checker));

  const sysDoc = located.sys ? readDoc(host, checker.service, located.sys) : undefined;
  const optDoc = located.opt ? readDoc(host, checker.service, located.opt) : undefined;
  let stanza: StanzaConfig | undefined;
  if (sysDoc || optDoc) {
    const chosen = stanzaInUse(
      sysDoc && { doc: sysDoc, file: located.sys! },
      optDoc && { doc: optDoc, file: located.opt! },
      procs?.[0]?.servername,
    );
    if ('error' in chosen)
      findings.push({
        code: 'doctor-no-stanza',
        severity: 'error',
        message: chosen.error,
        fix: 'Make SERVERNAME in dsm.opt (or DEFAULTSERVER) name a stanza of dsm.sys.',
        file: chosen.file,
        line: chosen.line,
      });
    else stanza = chosen;
  }

  // The files the scheduler reads: dsm.sys, its options file, the stanza's include-exclude files.
  const read = [
    located.sys,
    located.opt,
    ...(stanza?.inclExcl ?? []).map((f) => fileSpec(host, located.dir, f)),
  ].filter((f): f is string => !!f);
  const mtimes = read.flatMap((file) => {
    const mtime = host.mtime(file);
    return mtime ? [{ file, mtime }] : [];
  });
  const sched = checkScheduler(procs, mtimes, stanza, platform);
  findings.push(...sched.findings);
  report.scheduler = sched.scheduler;

  if (stanza) {
    findings.push(...checkPassword(host, stanza, platform, procs === undefined || procs.length > 0));
    const server = await checkServer(stanza, options);
    findings.push(...server.findings);
    report.stanzas.push(server.state);
  }
  findings.push(...checkLogs(host, logFiles(host, stanza, located.dir), options.maxAge, io.now ?? new Date()));
  report.ok = !findings.some((f) => f.severity === 'error');
  return report;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => (stream.write(text) ? resolve() : stream.once('drain', () => resolve())));
}

/** `dsm-lint doctor [options]`: the exit status. */
export async function runDoctor(args: string[], io: DoctorIo): Promise<number> {
  const parsed = parseDoctorArgs(args);
  if (parsed.kind === 'help') return write(io.stdout, DOCTOR_USAGE).then(() => 0);
  if (parsed.kind === 'usage-error')
    return write(io.stderr, `dsm-lint doctor: ${parsed.message}\nRun "dsm-lint doctor --help" for the options.\n`).then(
      () => 2,
    );
  const { options } = parsed;
  if (options.root !== undefined && !statSync(options.root, { throwIfNoEntry: false })?.isDirectory()) {
    return write(io.stderr, `dsm-lint doctor: --root ${options.root}: there is no such folder.\n`).then(() => 2);
  }
  const report = await doctor(options, io);
  await write(io.stdout, formatReport(report, options.format));
  return report.ok ? 0 : 1;
}
