/**
 * dsm-lint over templates of every dialect: the corpus of templates kept
 * under a plain name (a Salt formula's Jinja dsm.sys) or named as templates
 * for envsubst, Python's str.format and autoconf, each with one true finding.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, lint, problemLines } from './helpers';

const DIALECTS = ['salt-plain', 'envsubst', 'python-format', 'autoconf'].map((d) => `test/corpus/templates/${d}`);

/** `file:line:col: severity code`, without the message. */
const heads = (stdout: string) => problemLines(stdout).map((l) => l.split(' ').slice(0, 3).join(' '));

describe('dsm-lint: templates of every dialect', () => {
  it('walks the four folders, finds each template by its name, and reports only its true finding', () => {
    const r = lint(DIALECTS, { cwd: ROOT });
    assert.deepEqual(
      heads(r.stdout).sort(),
      [
        'test/corpus/templates/autoconf/dsm.opt.in:9:1: warning duplicate-option',
        'test/corpus/templates/envsubst/dsm.sys.template:11:23: warning schedmode-prompted',
        'test/corpus/templates/python-format/dsm.sys.tpl:7:22: error invalid-value',
        'test/corpus/templates/salt-plain/dsm.sys:13:22: warning schedmode-prompted',
      ],
      r.stdout,
    );
    assert.equal(r.status, 1, 'an error was found');
  });

  it('reads standard input as a template by the name given with --stdin-filename, and a plain name by the text', () => {
    const envsubst =
      'SErvername ${DSM_SERVERNAME}\n   TCPPort ${DSM_TCPPORT}\n   TCPServeraddress $DSM_SERVER\n   SCHEDMODe POLLING\n';
    assert.deepEqual(
      heads(lint(['--stdin-filename', 'image/dsm.sys.template', '-'], { cwd: ROOT, input: envsubst }).stdout),
      [],
    );
    // The same text under the plain name: $ is a real character there, and TCPPort wants a number.
    assert.deepEqual(heads(lint(['--stdin-filename', 'etc/dsm.sys', '-'], { cwd: ROOT, input: envsubst }).stdout), [
      'etc/dsm.sys:2:12: error invalid-value',
    ]);
    const jinja = 'SErvername {{ server }}\n   TCPPort {{ port }}\n   SCHEDMODe POLLING\n   {{ key }} {{ value }}\n';
    assert.deepEqual(heads(lint(['--stdin-filename', 'etc/dsm.sys', '-'], { cwd: ROOT, input: jinja }).stdout), []);
  });
});
