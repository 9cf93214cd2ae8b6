/** The doctor's findings from the schedule log and the error log (see logs.ts for where they are, and IBM's pages). */
import type { OptName } from '../../model/opt';
import { OPT, StanzaConfig, fileSpec } from './config';
import type { HostFs } from './locate';
import { Symptom, readTail, symptoms } from './logs';
import type { Finding } from './types';

const DAY = 24 * 60 * 60 * 1000;

/** The schedule log and the error log of a stanza: SCHEDLOGNAME / ERRORLOGNAME, else DSM_LOG's directory or the client's. */
export function logFiles(
  host: HostFs,
  stanza: StanzaConfig | undefined,
  dir: string | undefined,
): { sched?: string; error?: string } {
  const logDir = host.env.DSM_LOG || dir;
  const pick = (option: OptName, name: string) => {
    const set = stanza?.get(option);
    if (set) return fileSpec(host, dir, set.value);
    return logDir ? host.join(logDir, name) : undefined;
  };
  return { sched: pick(OPT.schedLog, 'dsmsched.log'), error: pick(OPT.errorLog, 'dsmerror.log') };
}

const at = (s: Symptom) => (s.time ? s.time.toISOString() : 'at an unknown time');

export function checkLogs(
  host: HostFs,
  logs: { sched?: string; error?: string },
  maxAgeDays: number,
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  const since = now.getTime() - maxAgeDays * DAY;
  const recent = (s: Symptom | undefined) => !!s && (!s.time || s.time.getTime() >= since);
  const read = (file: string | undefined, what: string) => {
    if (!file) return undefined;
    const text = readTail(host.local(file));
    if (text === undefined)
      findings.push({
        code: 'doctor-log-missing',
        severity: 'info',
        message: `the ${what} ${file} cannot be read: not checked.`,
      });
    return text;
  };
  const schedText = read(logs.sched, 'schedule log');
  const errorText = read(logs.error, 'error log');
  const sched = symptoms(schedText ?? '');
  const errors = symptoms(errorText ?? '');
  const both = (id: Parameters<typeof sched.get>[0]) =>
    [sched.get(id), errors.get(id)]
      .filter((s): s is Symptom => !!s)
      .sort((a, b) => (b.time?.getTime() ?? 0) - (a.time?.getTime() ?? 0))[0];
  const fileOf = (s: Symptom) => (sched.get(s.id) === s ? logs.sched : logs.error);
  const completed = sched.get('completed');

  const waiting = sched.get('waiting');
  const next = sched.get('next-scheduled');
  if (waiting && (!next || (waiting.time?.getTime() ?? 0) >= (next.time?.getTime() ?? 0))) {
    findings.push({
      code: 'doctor-log-waiting',
      severity: 'info',
      message: `schedule log, ${at(waiting)}: "Waiting to be contacted by the server": a server-prompted scheduler waits for the server's call, which a firewall can silently block.`,
      file: logs.sched,
      line: waiting.line,
    });
  } else if (next) {
    findings.push({
      code: 'doctor-log-next-scheduled',
      severity: 'info',
      message: `schedule log, ${at(next)}: "Next operation scheduled": the scheduler reached the server and was given its next schedule.`,
      file: logs.sched,
      line: next.line,
    });
  }
  findings.push(...messageFindings(both, completed, recent, fileOf, sched, errors));
  if (schedText !== undefined) {
    if (completed?.time && completed.time.getTime() >= since) {
      findings.push({
        code: 'doctor-log-backup-completed',
        severity: 'info',
        message: `the last scheduled event completed successfully ${at(completed)}.`,
        file: logs.sched,
        line: completed.line,
      });
    } else {
      findings.push({
        code: 'doctor-no-recent-backup',
        severity: 'warning',
        message: `no scheduled event completed successfully in the last ${maxAgeDays} day${maxAgeDays === 1 ? '' : 's'} (${completed ? `the last one: ${at(completed)}` : "none in the schedule log's tail"}).`,
        fix: "Read the schedule log and the error log around the schedule's window, and check the schedule with the server administrator.",
        file: logs.sched,
      });
    }
  }
  return findings;
}

type Symptoms = ReturnType<typeof symptoms>;

/** The IBM messages of the logs' tails that stop a backup (ANS1017E, ANS2050E), then the others by number. */
function messageFindings(
  both: (id: Parameters<Symptoms['get']>[0]) => Symptom | undefined,
  completed: Symptom | undefined,
  recent: (s: Symptom | undefined) => boolean,
  fileOf: (s: Symptom) => string | undefined,
  sched: Symptoms,
  errors: Symptoms,
): Finding[] {
  const findings: Finding[] = [];
  const rejected = both('ANS1017E');
  if (recent(rejected) && (!completed?.time || !rejected!.time || rejected!.time > completed.time)) {
    findings.push({
      code: 'doctor-log-session-rejected',
      severity: 'warning',
      message: `${at(rejected!)}: ANS1017E "Session rejected: TCP/IP connection failure" (${rejected!.count} time${rejected!.count > 1 ? 's' : ''} in the log's tail): the client could not connect to the server.`,
      fix: 'Check the server address and port, and the firewall between this host and the server.',
      file: fileOf(rejected!),
      line: rejected!.line,
    });
  }
  const prompt = both('ANS2050E');
  if (recent(prompt) && (!completed?.time || !prompt!.time || prompt!.time > completed.time)) {
    findings.push({
      code: 'doctor-log-password-prompt',
      severity: 'error',
      message: `${at(prompt!)}: ANS2050E: the client had to prompt for the password and could not, because it runs in the background.`,
      fix: 'Set PASSWORDACCESS GENERATE and run "dsmc query session" once as root to store the password.',
      file: fileOf(prompt!),
      line: prompt!.line,
    });
  }
  const other = both('other-message');
  if (recent(other)) {
    const numbers = [
      ...new Set([...(sched.get('other-message')?.messages ?? []), ...(errors.get('other-message')?.messages ?? [])]),
    ].filter((n) => n !== 'ANS1017E' && n !== 'ANS2050E');
    if (numbers.length) {
      findings.push({
        code: 'doctor-log-messages',
        severity: 'info',
        message: `other IBM error messages in the logs' tails: ${numbers.slice(0, 8).join(', ')}${numbers.length > 8 ? ', ...' : ''}; the last: ${other!.text.slice(0, 200)}. IBM's message reference: https://www.ibm.com/docs/en/SSEQVQ_8.2.0/client.msgs/r_client_messages.html`,
        file: fileOf(other!),
        line: other!.line,
      });
    }
  }
  return findings;
}
