/**
 * The doctor's checks of the host: the scheduler and when it started, the
 * password it logs in with (the server it must reach: serverCheck.ts).
 * Each turns what it found into findings.
 */
import { OPT, StanzaConfig } from './config';
import { HostFs } from './locate';
import { defaultPasswordDir, storedPassword } from './password';
import type { SchedulerProcess } from './scheduler';
import type { Finding, SchedulerState } from './types';

const iso = (d: Date) => d.toISOString();

export function schedmodeOf(stanza: StanzaConfig): 'polling' | 'prompted' {
  return /^pr/i.test(stanza.get(OPT.schedmode)?.value ?? '') ? 'prompted' : 'polling';
}

/** SESSIONINITIATION SERVERONLY (IBM's minimum abbreviation SERVEROnly); anything else is CLIENT. */
export function sessionInitiationOf(stanza: StanzaConfig): 'client' | 'serveronly' {
  return /^servero/i.test(stanza.get(OPT.sessionInitiation)?.value ?? '') ? 'serveronly' : 'client';
}

/** The scheduler: running or not, started before or after the last change of the files it reads. */
export function checkScheduler(
  procs: SchedulerProcess[] | undefined,
  files: { file: string; mtime: Date }[],
  stanza: StanzaConfig | undefined,
  platform: NodeJS.Platform,
): { findings: Finding[]; scheduler?: SchedulerState } {
  if (procs === undefined) {
    return {
      findings: [
        {
          code: 'doctor-scheduler-not-checked',
          severity: 'info',
          message: `whether a scheduler runs is not checked on this system (${platform}): the doctor reads Linux's /proc.`,
        },
      ],
    };
  }
  const s = procs[0];
  if (!s) {
    return {
      findings: [
        {
          code: 'doctor-no-scheduler',
          severity: 'error',
          message:
            'no scheduler runs on this host: neither the client acceptor (dsmcad) nor "dsmc schedule" was found, so no scheduled backup can start.',
          fix: 'Start the client acceptor (for example "systemctl start dsmcad") or "dsmc schedule", and enable it at boot.',
        },
      ],
    };
  }
  const findings: Finding[] = [];
  const newest = files.reduce<{ file: string; mtime: Date } | undefined>(
    (a, f) => (!a || f.mtime > a.mtime ? f : a),
    undefined,
  );
  const restartNeeded = !!newest && newest.mtime > s.started;
  const scheduler: SchedulerState = {
    kind: s.kind,
    pid: s.pid,
    started: iso(s.started),
    optionFilesChanged: newest && iso(newest.mtime),
    restartNeeded,
  };
  const what = s.kind === 'dsmcad' ? 'the client acceptor (dsmcad)' : 'the scheduler (dsmc schedule)';
  const others =
    procs.length > 1
      ? ` (${procs.length - 1} more scheduler process${procs.length > 2 ? 'es' : ''} found: pid ${procs
          .slice(1)
          .map((p) => p.pid)
          .join(', ')})`
      : '';
  findings.push({
    code: 'doctor-scheduler-running',
    severity: 'info',
    message: `${what} runs as pid ${s.pid}, started ${iso(s.started)}${others}.`,
  });
  if (restartNeeded) {
    const times = `it started ${iso(s.started)}, and ${newest.file} changed ${iso(newest.mtime)}`;
    findings.push(
      s.kind === 'dsmc'
        ? {
            code: 'doctor-restart-needed',
            severity: 'error',
            message: `restart needed: ${times}. IBM: "You must restart the scheduler process for updated client options to take effect."`,
            fix: 'Restart the scheduler (stop "dsmc schedule" and start it again, or restart its service).',
            file: newest.file,
          }
        : {
            code: 'doctor-restart-needed',
            severity: 'warning',
            message: `restart needed: ${times}. The acceptor reads the client options again for each scheduled backup, but IBM does not list the options it reads for itself at its own start, so a restart is the only way to be sure they take effect.`,
            fix: 'Restart the client acceptor (for example "systemctl restart dsmcad").',
            file: newest.file,
          },
    );
  }
  if (s.kind === 'dsmcad' && stanza) findings.push(...acceptorFindings(stanza, platform));
  return { findings, scheduler };
}

/** What stops the client acceptor from running the schedule (IBM, r_opt_managedservices and c_cfg_sch_compare). */
function acceptorFindings(stanza: StanzaConfig, platform: NodeJS.Platform): Finding[] {
  const findings: Finding[] = [];
  const managed = stanza.get(OPT.managedServices);
  // IBM: the acceptor manages the web client by default; on Mac OS X both (r_opt_managedservices).
  const schedules = managed ? managed.words.some((w) => /^sc/i.test(w)) : platform === 'darwin';
  if (!schedules) {
    findings.push({
      code: 'doctor-acceptor-not-scheduling',
      severity: 'error',
      message: `dsmcad runs, but stanza ${stanza.name} ${managed ? `has MANAGEDSERVICES ${managed.words.join(' ')}` : 'has no MANAGEDSERVICES (the default is the web client only)'}: the acceptor does not start the scheduler.`,
      fix: 'Add SCHEDULE to MANAGEDSERVICES in the stanza and restart dsmcad.',
      file: managed?.file ?? stanza.file,
      line: managed?.line ?? stanza.line,
    });
  }
  if (sessionInitiationOf(stanza) === 'serveronly') {
    const si = stanza.get(OPT.sessionInitiation)!;
    findings.push({
      code: 'doctor-acceptor-serveronly',
      severity: 'error',
      message:
        'IBM: the client acceptor "Cannot be used with SESSIONINITiation=SERVEROnly backups", and this stanza has SESSIONINITIATION SERVERONLY.',
      fix: 'Run "dsmc schedule" instead of dsmcad for this node, or set SESSIONINITIATION CLIENT with the server administrator.',
      file: si.file,
      line: si.line,
    });
  }
  return findings;
}

/** PASSWORDACCESS, and with GENERATE the stored password (see password.ts for IBM's pages). */
export function checkPassword(
  host: HostFs,
  stanza: StanzaConfig,
  platform: NodeJS.Platform,
  scheduled: boolean,
): Finding[] {
  const access = stanza.get(OPT.passwordAccess);
  if (!/^g/i.test(access?.value ?? '')) {
    if (!scheduled) return [];
    return [
      {
        code: 'doctor-password-prompt',
        severity: 'error',
        message: `stanza ${stanza.name} has ${access ? `PASSWORDACCESS ${access.value}` : 'no PASSWORDACCESS (the default is PROMPT)'}: a scheduler in the background cannot answer the password prompt (IBM message ANS2050E).`,
        fix: 'Set PASSWORDACCESS GENERATE in the stanza, then run "dsmc query session" once as root to store the password.',
        file: access?.file ?? stanza.file,
        line: access?.line ?? stanza.line,
      },
    ];
  }
  const dirSetting = stanza.get(OPT.passwordDir);
  const dir = dirSetting?.value ?? defaultPasswordDir(platform);
  const state = storedPassword(host, dir);
  if (state.state === 'stored')
    return [
      {
        code: 'doctor-password-stored',
        severity: 'info',
        message: `a stored password was found in ${state.dir} (${state.files.join(', ')}).`,
      },
    ];
  if (state.state === 'not checked')
    return [
      { code: 'doctor-password-not-checked', severity: 'info', message: `stored password not checked: ${state.why}.` },
    ];
  return [
    {
      code: 'doctor-no-stored-password',
      severity: 'error',
      message: `PASSWORDACCESS GENERATE, but no stored password is in ${state.dir} (neither TSM.KDB with TSM.sth, from client 8.1.2, nor TSM.PWD, before): the scheduler cannot log in unattended.`,
      fix: 'Run "dsmc query session" once as root and enter the node\'s password, so that the client stores it.',
      file: access!.file,
      line: dirSetting?.line ?? access!.line,
    },
  ];
}
