/**
 * "Restart the scheduler" and "Check this host (doctor)" in the real VS Code
 * (desktop extension host). Stand-in `systemctl` and `sudo` scripts first on
 * the extension host's PATH record what they are asked; when sudo is asked,
 * the test starts a copy of `sleep` named dsmcad (as systemd would start the
 * unit), so the doctor afterwards meets a real process. DSM_DIR points the
 * doctor at this test's option files.
 */
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from './helpers';

interface RestartResult {
  shown?: string;
  ran: boolean;
  exitCode?: number;
  doctor?: {
    ok: boolean;
    scheduler?: { kind: string; pid: number; started: string; optionFilesChanged?: string; restartNeeded: boolean };
  };
}

/** Runs a command that opens a quick pick, and answers the pick with `answer` until the command settles. */
async function answering<T>(command: string, answer: string): Promise<T> {
  let settled = false;
  let value: T | undefined;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command)).then(
    (v) => ((value = v), (settled = true)),
  );
  await waitFor(
    async () => {
      if (!settled) await vscode.commands.executeCommand(answer);
      return settled;
    },
    `${command} did not finish after ${answer}`,
    30000,
    100,
  );
  await running;
  return value as T;
}

describe('Restart the scheduler (desktop)', function () {
  this.timeout(90000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-restart-'));
  const at = (...p: string[]) => path.join(dir, ...p);
  let acceptor: ChildProcess | undefined;
  /** Starts the service when sudo is called: a copy of sleep named dsmcad, then tells sudo it may return. */
  const serviceManager = setInterval(() => {
    if (acceptor || !fs.existsSync(at('sudo.calls'))) return;
    acceptor = spawn(at('proc', 'dsmcad'), ['600'], { stdio: 'ignore' });
    fs.writeFileSync(at('dsmcad.pid'), String(acceptor.pid));
    fs.writeFileSync(at('restarted'), '');
  }, 50);
  const saved = {
    PATH: process.env.PATH,
    DSM_DIR: process.env.DSM_DIR,
    DSM_CONFIG: process.env.DSM_CONFIG,
    DSM_LOG: process.env.DSM_LOG,
  };

  before(async () => {
    for (const d of ['bin', 'proc', 'client']) fs.mkdirSync(at(d));
    fs.writeFileSync(
      at('bin', 'systemctl'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${at('systemctl.calls')}'\ncase "$1" in list-unit-files) printf 'dsmcad.service                 enabled         enabled\\n' ;; esac\nexit 0\n`,
      { mode: 0o755 },
    );
    // As systemd would, "the service" (a copy of sleep named dsmcad) is started by someone else than sudo: by the
    // test, once it sees sudo called; sudo waits for it (at most 10 s), as `systemctl restart` waits for the unit.
    fs.writeFileSync(
      at('bin', 'sudo'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${at('sudo.calls')}'\ni=0\nwhile [ ! -e '${at('restarted')}' ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\nexit 0\n`,
      { mode: 0o755 },
    );
    fs.copyFileSync('/bin/sleep', at('proc', 'dsmcad'));
    fs.chmodSync(at('proc', 'dsmcad'), 0o755);
    fs.writeFileSync(
      at('client', 'dsm.sys'),
      'SErvername  local\n   COMMMethod         TCPip\n   TCPServeraddress   127.0.0.1\n   TCPPort            1\n   PASSWORDAccess     generate\n   SCHEDMODe          POLLING\n   MANAGEDServices    schedule\n',
    );
    fs.writeFileSync(at('client', 'dsm.opt'), 'SErvername local\n');
    // The SCHEDMODE change was made a minute ago.
    const changed = new Date(Date.now() - 60000);
    for (const f of ['dsm.sys', 'dsm.opt']) fs.utimesSync(at('client', f), changed, changed);
    process.env.PATH = `${at('bin')}${path.delimiter}${saved.PATH}`;
    process.env.DSM_DIR = at('client');
    delete process.env.DSM_CONFIG;
    delete process.env.DSM_LOG;
    await activateExtension();
  });

  after(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    clearInterval(serviceManager);
    acceptor?.kill();
    for (const t of vscode.window.terminals) if (t.name === 'Restart the TSM scheduler') t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the command systemctl leads to, and runs nothing when the pick is closed', async () => {
    const r = await answering<RestartResult>('dsm.restartScheduler', 'workbench.action.closeQuickOpen');
    assert.strictEqual(r.shown, 'sudo systemctl restart dsmcad.service');
    assert.strictEqual(r.ran, false);
    assert.match(
      fs.readFileSync(at('systemctl.calls'), 'utf8'),
      /^list-unit-files --no-legend --no-pager --type=service dsm\*$/m,
    );
    assert.ok(!fs.existsSync(at('sudo.calls')), 'sudo ran without confirmation');
  });

  it('once picked, runs it in a terminal, and the doctor sees the scheduler started after the change', async () => {
    const r = await answering<RestartResult>('dsm.restartScheduler', 'workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual(r.shown, 'sudo systemctl restart dsmcad.service');
    assert.strictEqual(r.ran, true);
    assert.strictEqual(fs.readFileSync(at('sudo.calls'), 'utf8'), 'systemctl restart dsmcad.service\n');
    // The terminal ran the stand-in sudo itself (no shell), and gave its exit status.
    assert.strictEqual(r.exitCode, 0);
    const pid = Number(fs.readFileSync(at('dsmcad.pid'), 'utf8'));
    const s = r.doctor?.scheduler;
    assert.ok(s, JSON.stringify(r.doctor));
    assert.strictEqual(s.kind, 'dsmcad');
    assert.strictEqual(s.pid, pid);
    assert.strictEqual(s.restartNeeded, false);
    assert.ok(
      Date.parse(s.started) > Date.parse(s.optionFilesChanged!),
      `${s.started} is not after ${s.optionFilesChanged}`,
    );
  });

  it('where no unit, init script or service is found, it runs nothing (and says what to restart by hand)', async function () {
    // A machine with the real client's init script would offer that instead.
    if (fs.existsSync('/etc/init.d/dsmcad')) this.skip();
    fs.mkdirSync(at('empty-bin'));
    fs.writeFileSync(
      at('empty-bin', 'systemctl'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${at('empty.calls')}'\nexit 0\n`,
      { mode: 0o755 },
    );
    const before = fs.readFileSync(at('sudo.calls'), 'utf8');
    process.env.PATH = `${at('empty-bin')}${path.delimiter}${saved.PATH}`;
    try {
      const r = await vscode.commands.executeCommand<RestartResult>('dsm.restartScheduler');
      assert.deepStrictEqual(r, { ran: false });
      assert.match(fs.readFileSync(at('empty.calls'), 'utf8'), /^list-unit-files /m);
      assert.strictEqual(fs.readFileSync(at('sudo.calls'), 'utf8'), before);
    } finally {
      process.env.PATH = `${at('bin')}${path.delimiter}${saved.PATH}`;
    }
  });

  it('Check this host (doctor): the findings in a document, with links to the option lines', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('dsm.checkHost');
    assert.ok(doc, 'no document');
    const text = doc.getText();
    assert.match(text, /^# Can the next scheduled backup run\? \*\*No\*\*/);
    assert.match(text, /`doctor-server-refused`: 127\.0\.0\.1:1: connection refused/);
    const link = `(${vscode.Uri.file(at('client', 'dsm.sys')).toString()}#L3)`;
    assert.ok(text.includes(link), `no link ${link} in:\n${text}`);
    assert.match(text, /`doctor-scheduler-running`: the client acceptor \(dsmcad\) runs as pid \d+/);
  });
});
