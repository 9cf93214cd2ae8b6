/** dsm-lint doctor and the logs: schedule and error logs shaped like IBM's, each symptom in turn. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tree } from './helpers';
import { BIN, doctor, finding, codes } from './doctorHelpers';

const pad = (n: number) => String(n).padStart(2, '0');
/** A log line's time as IBM's DATEFORMAT 2 (DD-MM-YYYY) writes it, `hoursAgo` before now, in local time. */
function stamp(hoursAgo: number, format: 'dmy' | 'mdy' = 'dmy'): string {
  const d = new Date(Date.now() - hoursAgo * 3600_000);
  const date =
    format === 'dmy'
      ? `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`
      : `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${d.getFullYear()}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const SYS = 'SErvername  local\n   TCPServeraddress   127.0.0.1\n   PASSWORDAccess     generate\n';

async function withLogs(sched: string[] | undefined, errors: string[] | undefined, args: string[] = [], sys = SYS) {
  const files: Record<string, string> = { [`${BIN}/dsm.sys`]: sys, [`${BIN}/dsm.opt`]: 'SErvername local\n' };
  if (sched) files['var/log/dsmsched.log'] = sched.join('\n') + '\n';
  if (errors) files['var/log/dsmerror.log'] = errors.join('\n') + '\n';
  const t = tree(files);
  try {
    return await doctor(['--root', t.dir, '--no-network', '-f', 'json', ...args], { DSM_LOG: '/var/log' });
  } finally {
    t.cleanup();
  }
}

describe('dsm-lint doctor: the logs', () => {
  it('a prompted scheduler waiting to be contacted, and no backup in two days', async () => {
    const r = await withLogs(
      [
        `${stamp(80)} Scheduled event 'DAILY' completed successfully.`,
        `${stamp(1)} Querying server for next scheduled event.`,
        `${stamp(1)} Waiting to be contacted by the server.`,
      ],
      undefined,
    );
    const waiting = finding(r, 'doctor-log-waiting');
    assert.ok(waiting, r.stdout);
    assert.equal(waiting.file, '/var/log/dsmsched.log');
    assert.equal(waiting.line, 2);
    const old = finding(r, 'doctor-no-recent-backup');
    assert.equal(old?.severity, 'warning');
    assert.match(old!.message, /in the last 2 days \(the last one: /);
    const longer = await withLogs([`${stamp(80)} Scheduled event 'DAILY' completed successfully.`], undefined, [
      '--max-age',
      '4',
    ]);
    assert.ok(codes(longer).includes('doctor-log-backup-completed'), longer.stdout);
    assert.ok(!codes(longer).includes('doctor-no-recent-backup'));
  });

  it('"Next operation scheduled" (healthy polling) and a recent completed backup, in MM/DD/YYYY', async () => {
    const r = await withLogs(
      [
        `${stamp(20, 'mdy')} Scheduled event 'DAILY' completed successfully.`,
        `${stamp(2, 'mdy')} Next operation scheduled:`,
        `${stamp(2, 'mdy')} Schedule Name:         DAILY`,
      ],
      undefined,
    );
    assert.ok(codes(r).includes('doctor-log-next-scheduled'), r.stdout);
    assert.ok(codes(r).includes('doctor-log-backup-completed'));
    assert.ok(!codes(r).includes('doctor-no-recent-backup'));
  });

  it('ANS1017E after the last backup: a warning; ANS2050E: an error, exit 1; other messages listed', async () => {
    const r = await withLogs(
      [`${stamp(30)} Scheduled event 'DAILY' completed successfully.`],
      [
        `${stamp(5)} ANS1017E Session rejected: TCP/IP connection failure.`,
        `${stamp(4)} ANS1017E Session rejected: TCP/IP connection failure.`,
        `${stamp(3)} ANS2050E TSM needs to prompt for the password but cannot prompt because the process is running in the background.`,
        `${stamp(2)} ANS1029E Communication with the server is lost.`,
      ],
    );
    const rejected = finding(r, 'doctor-log-session-rejected');
    assert.equal(rejected?.severity, 'warning', r.stdout);
    assert.match(rejected!.message, /ANS1017E .* \(2 times in the log's tail\)/);
    assert.equal(rejected!.file, '/var/log/dsmerror.log');
    assert.equal(rejected!.line, 1);
    assert.equal(finding(r, 'doctor-log-password-prompt')?.severity, 'error');
    assert.match(finding(r, 'doctor-log-messages')!.message, /ANS1029E/);
    assert.equal(r.status, 1);
  });

  it('ANS1017E before the last completed backup is history, not a symptom', async () => {
    const r = await withLogs(
      [`${stamp(1)} Scheduled event 'DAILY' completed successfully.`],
      [`${stamp(5)} ANS1017E Session rejected: TCP/IP connection failure.`],
    );
    assert.ok(!codes(r).includes('doctor-log-session-rejected'), r.stdout);
  });

  it('SCHEDLOGNAME and ERRORLOGNAME name the logs (over DSM_LOG); a missing log is said, not guessed', async () => {
    const sys = SYS + '   SCHEDLOGName       /srv/tsm/sched.log\n   ERRORLOGName       /srv/tsm/error.log\n';
    const r = await withLogs(undefined, undefined, [], sys);
    const missing = r.json!.findings.filter((f) => f.code === 'doctor-log-missing').map((f) => f.message);
    assert.deepEqual(missing, [
      'the schedule log /srv/tsm/sched.log cannot be read: not checked.',
      'the error log /srv/tsm/error.log cannot be read: not checked.',
    ]);
    assert.ok(!codes(r).includes('doctor-no-recent-backup'));
  });
});
