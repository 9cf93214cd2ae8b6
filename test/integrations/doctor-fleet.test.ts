/**
 * The fleet playbook (examples/ansible/doctor-fleet.yml), run by Debian's
 * ansible-core against two hosts of this machine (connection local), each
 * with its own --root tree: one whose next backup can run (a client
 * acceptor, a copy of `sleep` named dsmcad, started after its files were
 * written), one whose cannot (PASSWORDACCESS PROMPT). One summary line per
 * host; the second host fails, the first does not.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, pause, startFake, sysFor, untilNamed } from '../cli/doctorHelpers';
import { DSM_LINT } from '../cli/helpers';
import { ROOT, requireTool, run, tree } from './helpers';

const ANSIBLE_TIMEOUT_MS = 180_000;

describe(
  'Ansible: the doctor across a fleet',
  { skip: process.platform !== 'linux' && 'the doctor reads /proc' },
  () => {
    const good = tree({
      [`${BIN}/dsm.sys`]: sysFor(1500),
      [`${BIN}/dsm.opt`]: 'SErvername local\n',
      'etc/adsm/TSM.KDB': 'x',
      'etc/adsm/TSM.sth': 'x',
    });
    const bad = tree({
      [`${BIN}/dsm.sys`]: sysFor(1500).replace('generate', 'prompt'),
      [`${BIN}/dsm.opt`]: 'SErvername local\n',
    });
    const work = tree({});
    let acceptor: ReturnType<typeof startFake> | undefined;
    before(async () => {
      requireTool('ansible-playbook', 'ansible-core');
      await pause(1500);
      acceptor = startFake('dsmcad');
      await untilNamed(acceptor.child.pid!, 'dsmcad');
    });
    after(async () => {
      await acceptor?.stop();
      for (const t of [good, bad, work]) t.cleanup();
    });

    it('prints one line per host and fails only the host whose next backup cannot run', () => {
      const hostVars = (root: string) =>
        JSON.stringify({
          ansible_connection: 'local',
          ansible_python_interpreter: 'auto_silent',
          dsm_doctor_args: ['--root', root, '--no-network'],
        });
      fs.writeFileSync(
        path.join(work.dir, 'inventory.yml'),
        `all:\n  hosts:\n    good-host: ${hostVars(good.dir)}\n    bad-host: ${hostVars(bad.dir)}\n`,
      );
      const r = run(
        'ansible-playbook',
        [
          '-i',
          'inventory.yml',
          path.join(ROOT, 'examples', 'ansible', 'doctor-fleet.yml'),
          '-e',
          JSON.stringify({ dsm_lint_argv: [process.execPath, DSM_LINT], dsm_doctor_become: false }),
        ],
        {
          cwd: work.dir,
          timeoutMs: ANSIBLE_TIMEOUT_MS,
          env: {
            ANSIBLE_LOCAL_TEMP: work.at('.ansible-local'),
            ANSIBLE_REMOTE_TEMP: work.at('.ansible-remote'),
            ANSIBLE_NOCOLOR: '1',
            ANSIBLE_RETRY_FILES_ENABLED: 'false',
            ANSIBLE_CONFIG: work.at('none.cfg'),
            DSM_DIR: '',
            DSM_CONFIG: '',
            DSM_LOG: '',
          },
        },
      );
      assert.equal(r.status, 2, r.output);
      const lines = r.output.split('\n').filter((l) => l.includes('"msg": "DOCTOR '));
      assert.equal(lines.length, 2, r.output);
      const line = (host: string) => lines.find((l) => l.includes(`DOCTOR ${host}:`)) ?? '';
      assert.match(
        line('good-host'),
        /DOCTOR good-host: next backup can run; scheduler: dsmcad pid \d+ since \S+; server: not checked; errors: none;/,
      );
      assert.match(
        line('bad-host'),
        /DOCTOR bad-host: NEXT BACKUP CANNOT RUN; scheduler: dsmcad pid \d+ since \S+; server: not checked; errors: doctor-password-prompt;/,
      );
      assert.match(r.output, /good-host\s*: ok=\d+ +changed=0 +unreachable=0 +failed=0/);
      assert.match(r.output, /bad-host\s*: ok=\d+ +changed=0 +unreachable=0 +failed=1/);
    });
  },
);
