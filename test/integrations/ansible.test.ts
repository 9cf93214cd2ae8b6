/**
 * Ansible stops a bad dsm.sys at deployment: a real playbook, run by
 * Debian's ansible-core on this machine (connection local, in a temporary
 * folder), deploys with `validate: dsm-lint --kind sys %s`. Ansible checks a
 * temporary file of its own naming, hence --kind.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { GOOD_SYS, PROMPTED_SYS, dsmLintOnPath, requireTool, run, tree } from './helpers';

const TEMPLATE = `* {{ ansible_managed }}
SErvername  {{ tsm_server }}
   COMMMethod         TCPip
   TCPServeraddress   {{ tsm_address }}
   TCPPort            {{ tsm_port }}
   PASSWORDAccess     generate
   SCHEDMODe          {{ tsm_schedmode }}
`;

const PLAYBOOK = `- hosts: localhost
  connection: local
  gather_facts: false
  vars:
    tsm_server: bucky5
    tsm_address: bucky5.doit.wisc.edu
    tsm_port: 1503
  tasks:
    - name: dsm.sys from the role's template
      ansible.builtin.template:
        src: templates/dsm.sys.j2
        dest: "{{ dest }}"
        validate: dsm-lint --kind sys %s
      when: how == 'template'
    - name: dsm.sys copied as it is
      ansible.builtin.copy:
        src: "{{ source }}"
        dest: "{{ dest }}"
        validate: dsm-lint --kind sys %s
      when: how == 'copy'
`;

/** Ansible starts slowly (Python, its plugins): a minute is ample, more is a hang. */
const ANSIBLE_TIMEOUT_MS = 180_000;

describe('Ansible: validate with dsm-lint', () => {
  const t = tree({
    'playbook.yml': PLAYBOOK,
    'templates/dsm.sys.j2': TEMPLATE,
    'files/good.sys': GOOD_SYS,
    'files/prompted.sys': PROMPTED_SYS,
  });
  const onPath = dsmLintOnPath();
  after(() => (t.cleanup(), onPath.cleanup()));
  before(() => requireTool('ansible-playbook', 'ansible-core'));

  const playbook = (vars: Record<string, string>) =>
    run(
      'ansible-playbook',
      ['-i', 'localhost,', 'playbook.yml', ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`])],
      {
        cwd: t.dir,
        timeoutMs: ANSIBLE_TIMEOUT_MS,
        env: {
          ...onPath.env,
          ANSIBLE_LOCAL_TEMP: t.at('.ansible-local'),
          ANSIBLE_REMOTE_TEMP: t.at('.ansible-remote'),
          ANSIBLE_NOCOLOR: '1',
          ANSIBLE_RETRY_FILES_ENABLED: 'false',
          ANSIBLE_PYTHON_INTERPRETER: 'auto_silent',
          ANSIBLE_CONFIG: t.at('none.cfg'),
        },
      },
    );

  it('template: deploys a good dsm.sys, and a PROMPTED one fails the task and leaves the destination untouched', () => {
    const dest = t.at('deployed/dsm.sys');
    fs.mkdirSync(t.at('deployed'));
    const good = playbook({ how: 'template', dest, tsm_schedmode: 'POLLING' });
    assert.equal(good.status, 0, good.output);
    const deployed = fs.readFileSync(dest, 'utf8');
    assert.match(deployed, /^ {3}SCHEDMODe {10}POLLING$/m);
    assert.match(deployed, /^SErvername {2}bucky5$/m);

    const bad = playbook({ how: 'template', dest, tsm_schedmode: 'PROMPTED' });
    assert.equal(bad.status, 2, bad.output);
    assert.match(bad.output, /failed to validate/);
    assert.match(bad.output, /schedmode-prompted/);
    assert.equal(fs.readFileSync(dest, 'utf8'), deployed);
  });

  it('copy: the same with a file copied as it is', () => {
    const dest = t.at('copied/dsm.sys');
    fs.mkdirSync(t.at('copied'));
    const good = playbook({ how: 'copy', dest, source: t.at('files/good.sys') });
    assert.equal(good.status, 0, good.output);
    assert.equal(fs.readFileSync(dest, 'utf8'), GOOD_SYS);
    const bad = playbook({ how: 'copy', dest, source: t.at('files/prompted.sys') });
    assert.equal(bad.status, 2, bad.output);
    assert.match(bad.output, /failed to validate/);
    assert.equal(fs.readFileSync(dest, 'utf8'), GOOD_SYS);
  });
});
