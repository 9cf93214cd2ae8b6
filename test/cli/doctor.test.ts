/**
 * dsm-lint doctor and the scheduler: real processes named dsmcad and dsmc
 * (copies of harmless programs), real option files in a --root tree, and
 * their real times. The process's start is known to about a second (the
 * boot time in /proc/stat is whole seconds), so each step waits over one.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { tree } from './helpers';
import { BIN, doctor, finding, codes, pause, startFake, sysFor, untilNamed } from './doctorHelpers';

const STORED = { 'etc/adsm/TSM.KDB': 'x', 'etc/adsm/TSM.sth': 'x' };

describe('dsm-lint doctor: the scheduler', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  const t = tree({ [`${BIN}/dsm.sys`]: sysFor(1500), [`${BIN}/dsm.opt`]: 'SErvername local\n', ...STORED });
  after(() => t.cleanup());
  const touch = () => {
    const now = new Date();
    for (const f of [`${BIN}/dsm.sys`, `${BIN}/dsm.opt`]) fs.utimesSync(t.at(f), now, now);
  };

  it('dsmcad started before the files changed: restart needed, with both times; after a restart of it: not', async () => {
    const first = startFake('dsmcad');
    try {
      await untilNamed(first.child.pid!, 'dsmcad');
      await pause(1500);
      touch();
      const r = await doctor(['--root', t.dir, '--no-network', '-f', 'json']);
      assert.equal(r.json?.scheduler?.kind, 'dsmcad', r.stdout + r.stderr);
      assert.equal(r.json?.scheduler?.pid, first.child.pid);
      assert.equal(r.json?.scheduler?.restartNeeded, true);
      const f = finding(r, 'doctor-restart-needed');
      assert.ok(f, r.stdout);
      assert.equal(f.severity, 'warning');
      assert.ok(
        f.message.includes(r.json!.scheduler!.started) && f.message.includes(r.json!.scheduler!.optionFilesChanged!),
        f.message,
      );
      assert.ok(Date.parse(r.json!.scheduler!.optionFilesChanged!) > Date.parse(r.json!.scheduler!.started));
      const text = await doctor(['--root', t.dir, '--no-network']);
      assert.match(
        text.stdout,
        /warning doctor-restart-needed: restart needed: it started \S+, and \/opt\/tivoli\/tsm\/client\/ba\/bin\/dsm\.(sys|opt) changed \S+\./,
      );
    } finally {
      await first.stop();
    }
    await pause(1500);
    const second = startFake('dsmcad');
    try {
      await untilNamed(second.child.pid!, 'dsmcad');
      const r = await doctor(['--root', t.dir, '--no-network', '-f', 'json']);
      assert.equal(r.json?.scheduler?.pid, second.child.pid, r.stdout);
      assert.equal(r.json?.scheduler?.restartNeeded, false);
      assert.ok(!codes(r).includes('doctor-restart-needed'), r.stdout);
      assert.ok(codes(r).includes('doctor-scheduler-running'));
      assert.equal(r.status, 0, r.stdout);
      assert.equal(r.json?.ok, true);
    } finally {
      await second.stop();
    }
  });

  it('dsmc schedule started before the files changed: an error (IBM: restart it), exit 1', async () => {
    const p = startFake('dsmc');
    try {
      await untilNamed(p.child.pid!, 'dsmc');
      await pause(1500);
      touch();
      const r = await doctor(['--root', t.dir, '--no-network', '-f', 'json']);
      assert.equal(r.json?.scheduler?.kind, 'dsmc', r.stdout);
      assert.equal(r.json?.scheduler?.restartNeeded, true);
      assert.equal(finding(r, 'doctor-restart-needed')?.severity, 'error');
      assert.equal(r.status, 1);
      assert.equal(r.json?.ok, false);
    } finally {
      await p.stop();
    }
  });

  it('no scheduler at all: an error; dsmcad without MANAGEDSERVICES SCHEDULE: an error', async () => {
    const none = await doctor(['--root', t.dir, '--no-network', '-f', 'json']);
    assert.ok(codes(none).includes('doctor-no-scheduler'), none.stdout);
    assert.equal(none.status, 1);

    const u = tree({
      [`${BIN}/dsm.sys`]: sysFor(1500).replace(/^.*MANAGEDServices.*\n/m, ''),
      [`${BIN}/dsm.opt`]: 'SErvername local\n',
      ...STORED,
    });
    const p = startFake('dsmcad');
    try {
      await untilNamed(p.child.pid!, 'dsmcad');
      const r = await doctor(['--root', u.dir, '--no-network', '-f', 'json']);
      const f = finding(r, 'doctor-acceptor-not-scheduling');
      assert.ok(f, r.stdout);
      assert.equal(f.file, `/${BIN}/dsm.sys`);
      assert.equal(r.status, 1);
    } finally {
      await p.stop();
      u.cleanup();
    }
  });

  it('-servername and -optfile on the command line of the acceptor choose the stanza and the options file it reads', async () => {
    const sys =
      sysFor(1500) +
      'SErvername  second\n   TCPServeraddress   127.0.0.1\n   PASSWORDAccess     prompt\n   MANAGEDServices    schedule\n';
    const u = tree({
      [`${BIN}/dsm.sys`]: sys,
      [`${BIN}/dsm.opt`]: 'SErvername local\n',
      'etc/other.opt': 'SErvername local\n',
      ...STORED,
    });
    const p = startFake('dsmcad', { args: ['-servername=second', '-optfile=/etc/other.opt'] });
    try {
      await untilNamed(p.child.pid!, 'dsmcad');
      const r = await doctor(['--root', u.dir, '--no-network', '-f', 'json']);
      assert.equal(r.json?.stanzas[0].name, 'second', r.stdout);
      assert.ok(codes(r).includes('doctor-password-prompt'));
      assert.match(
        finding(r, 'doctor-option-files')!.message,
        /\/etc\/other\.opt \(-optfile=\/etc\/other\.opt \(the scheduler's command line\)\)/,
      );
    } finally {
      await p.stop();
      u.cleanup();
    }
  });
});
