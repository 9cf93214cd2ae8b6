/** The doctor's pure parts: paths under --root, log times, command lines, /proc/net/tcp. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HostFs } from '../../server/src/cli/doctor/locate';
import { lineTime, symptoms } from '../../server/src/cli/doctor/logs';
import { schedulerKind } from '../../server/src/cli/doctor/scheduler';
import { listeningPorts } from '../../server/src/cli/doctor/network';

describe('doctor: --root', () => {
  it('reads every path of the machine under the copy, and `..` cannot climb out', () => {
    const host = new HostFs('/srv/copy', {}, false);
    assert.equal(host.local('/opt/tivoli/tsm/client/ba/bin/dsm.sys'), '/srv/copy/opt/tivoli/tsm/client/ba/bin/dsm.sys');
    assert.equal(host.local('/../../etc/shadow'), '/srv/copy/etc/shadow');
    assert.equal(host.local('relative/../../x'), '/srv/copy/x');
    assert.equal(
      host.local('C:\\Program Files\\Tivoli\\TSM\\baclient\\dsm.opt'),
      '/srv/copy/Program Files/Tivoli/TSM/baclient/dsm.opt',
    );
    assert.equal(new HostFs(undefined, {}, false).local('/etc/adsm'), '/etc/adsm');
  });
});

describe('doctor: log times', () => {
  it('reads DD-MM-YYYY, MM/DD/YYYY (DD/MM past 12), YYYY-MM-DD and DD.MM.YYYY in local time', () => {
    const at = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
      new Date(y, mo - 1, d, h, mi, s).getTime();
    assert.equal(lineTime('22-09-2023 09:57:00 Next operation scheduled:')?.getTime(), at(2023, 9, 22, 9, 57, 0));
    assert.equal(lineTime('09/22/2023 09:57:00 x')?.getTime(), at(2023, 9, 22, 9, 57, 0));
    assert.equal(lineTime('22/09/2023 09:57:00 x')?.getTime(), at(2023, 9, 22, 9, 57, 0));
    assert.equal(lineTime('2023-09-22 09:57:00 x')?.getTime(), at(2023, 9, 22, 9, 57, 0));
    assert.equal(lineTime('22.09.2023 09:57:00 x')?.getTime(), at(2023, 9, 22, 9, 57, 0));
    assert.equal(lineTime('09/22/23 09:57:00 x')?.getTime(), at(2023, 9, 22, 9, 57, 0));
    assert.equal(lineTime('Total number of objects inspected: 1,234'), undefined);
    assert.equal(lineTime('31-13-2023 09:57:00 x'), undefined);
  });

  it('a line without a time takes the last time above it', () => {
    const s = symptoms(
      '22-09-2023 09:57:00 Querying server\n   ANS1017E Session rejected: TCP/IP connection failure\n',
    );
    assert.equal(s.get('ANS1017E')?.time?.getTime(), new Date(2023, 8, 22, 9, 57, 0).getTime());
    assert.equal(s.get('ANS1017E')?.line, 1);
  });
});

describe('doctor: which processes are schedulers', () => {
  it('dsmcad by name; dsmc only with the schedule command (SCHedule, abbreviated down to sch)', () => {
    assert.equal(schedulerKind(['/opt/tivoli/tsm/client/ba/bin/dsmcad'], 'dsmcad'), 'dsmcad');
    assert.equal(schedulerKind(['dsmc', 'schedule'], 'dsmc'), 'dsmc');
    assert.equal(schedulerKind(['/usr/bin/dsmc', 'sched', '-optfile=/x.opt'], 'dsmc'), 'dsmc');
    assert.equal(schedulerKind(['dsmc', 'sch'], 'dsmc'), 'dsmc');
    assert.equal(schedulerKind(['dsmc', 'incremental'], 'dsmc'), undefined);
    assert.equal(schedulerKind(['dsmc', 'sc'], 'dsmc'), undefined);
    assert.equal(schedulerKind(['vim', 'dsmcad.conf'], 'vim'), undefined);
  });
});

describe('doctor: listeners', () => {
  it('reads the LISTEN (0A) ports of /proc/net/tcp and tcp6, and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-doctor-net-'));
    try {
      const head = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
      fs.writeFileSync(
        path.join(dir, 'tcp'),
        head +
          '   0: 00000000:05DD 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n   1: 0100007F:05DC 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 2 1\n',
      );
      fs.writeFileSync(
        path.join(dir, 'tcp6'),
        head +
          '   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 3 1\n',
      );
      assert.deepEqual([...listeningPorts([path.join(dir, 'tcp'), path.join(dir, 'tcp6')])!].sort(), [1501, 8080]);
      assert.equal(listeningPorts([path.join(dir, 'none')]), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
