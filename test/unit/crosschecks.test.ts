/**
 * Checks across options: SESSIONINITIATION SERVERONLY against the scheduler
 * and the client acceptor, PASSWORDACCESS across stanzas, ENCRYPTKEY with
 * INCLUDE.ENCRYPT, and a stanza's SCHEDMODE against its server's SET
 * SCHEDMODES (from the server catalog). Each with what the user sees and what
 * the fixes leave behind.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, Range } from 'vscode-languageserver-types';
import { analyze, applyEdits, service, textAt } from './helpers';
import { FIX_ALL_KIND } from '../../server/src/service/codes';
import { checkSettings } from '../../server/src/service/settings';
import type { DsmLanguageService } from '../../server/src/service/languageService';

const SYS = 'file:///etc/dsm.sys';
const WIN = 'file:///C%3A/Program%20Files/Tivoli/TSM/baclient/dsm.opt';
const everything = Range.create(0, 0, 100000, 0);

function summary(text: string, uri = SYS, svc = service()): [string, string][] {
  const { doc } = analyze(text, uri, svc);
  return svc.diagnostics(doc).map((d) => [String(d.code), textAt(text, d.range)]);
}

function diagnostic(text: string, code: string, uri = SYS, svc = service()) {
  const { doc } = analyze(text, uri, svc);
  const found = svc.diagnostics(doc).filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code}`);
  return found[0];
}

/** The preferred quick fix of the one diagnostic of this code, and the text it makes. */
function preferredFix(text: string, code: string, uri = SYS, svc = service()) {
  const { doc } = analyze(text, uri, svc);
  const d = diagnostic(text, code, uri, svc);
  const actions = svc
    .codeActions(doc, d.range, { diagnostics: [d], only: [CodeActionKind.QuickFix] })
    .filter((a) => a.isPreferred);
  assert.equal(actions.length, 1, `one preferred fix for ${code}`);
  return {
    title: actions[0].title,
    text: applyEdits(text, actions[0].edit!.changes![uri]),
    message: String(d.message),
  };
}

function fixAll(
  text: string,
  uri = SYS,
  svc: DsmLanguageService = service(),
): { title: string; text: string } | undefined {
  const { doc } = analyze(text, uri, svc);
  const actions = svc.codeActions(doc, everything, { diagnostics: [], only: [FIX_ALL_KIND] });
  if (!actions.length) return undefined;
  return { title: actions[0].title, text: applyEdits(text, actions[0].edit!.changes![uri]) };
}

const SERVERONLY_PROMPTED = [
  'SErvername  fw',
  '   TCPServeraddress   tsm.example.edu',
  '   SESSIONINITiation  SERVEROnly',
  '   SCHEDMODe          PROMPTED',
  '   TCPCLIENTPort      1501',
  '   PASSWORDAccess     generate',
  '',
].join('\n');

/** What the file says after any of the three fixes: the client polls, and may open its sessions. */
const CLIENT_POLLING = SERVERONLY_PROMPTED.replace('SERVEROnly', 'CLIENT').replace('PROMPTED', 'POLLING');

describe('SESSIONINITIATION SERVERONLY and the SCHEDMODE fixes', () => {
  it('SERVERONLY + PROMPTED: only the PROMPTED warning, and TCPCLIENTPort is not called useless', () => {
    assert.deepEqual(summary(SERVERONLY_PROMPTED), [['schedmode-prompted', 'PROMPTED']]);
    const d = diagnostic(SERVERONLY_PROMPTED, 'schedmode-prompted');
    assert.match(String(d.message), /SESSIONINITIATION SERVERONLY \(line 3\)/);
    assert.match(String(d.message), /server administrator must also set the node to SESSIONINITIATION=CLIENTORSERVER/);
  });

  it('the quick fix changes both lines in one edit, says so, and leaves a client-initiated polling setup', () => {
    const fix = preferredFix(SERVERONLY_PROMPTED, 'schedmode-prompted');
    assert.equal(fix.title, 'Change SCHEDMODE to POLLING and SESSIONINITIATION to CLIENT (then restart the scheduler)');
    assert.equal(fix.text, CLIENT_POLLING);
    // Nothing but the hint that TCPCLIENTPort no longer matters remains.
    assert.deepEqual(summary(fix.text), [['prompted-only-option', 'TCPCLIENTPort      1501']]);
  });

  it('fix-all does the same, and says so in its title', () => {
    const all = fixAll(SERVERONLY_PROMPTED)!;
    assert.equal(all.text, CLIENT_POLLING);
    assert.match(all.title, /SESSIONINITIATION CLIENT where it was SERVERONLY/);
  });

  it('a stanza without SCHEDMODE: the added POLLING line comes with SESSIONINITIATION CLIENT', () => {
    const text = 'SErvername a\n  SESSIONINITiation SERVEROnly\n  NODename n\n';
    assert.deepEqual(summary(text), [
      ['schedmode-missing', 'SErvername a'],
      ['serveronly-polling', 'SERVEROnly'],
    ]);
    const fix = preferredFix(text, 'schedmode-missing');
    assert.equal(
      fix.title,
      'Add SCHEDMODE POLLING to server stanza a and change SESSIONINITIATION to CLIENT (then restart the scheduler)',
    );
    assert.equal(fix.text, 'SErvername a\n  SESSIONINITiation CLIENT\n  NODename n\n  SCHEDMODE POLLING\n');
    assert.deepEqual(summary(fix.text), []);
    // Fix-all takes the SESSIONINITIATION edit once, though two findings of the file lead to it.
    assert.equal(fixAll(text)!.text, fix.text);
  });

  it('two SERVERONLY stanzas, one PROMPTED and one without SCHEDMODE: fix-all mends both', () => {
    const text = SERVERONLY_PROMPTED + 'SErvername b\n   SESSIONINITiation SERVEROnly\n';
    const fixed = fixAll(text)!.text;
    assert.equal(fixed, CLIENT_POLLING + 'SErvername b\n   SESSIONINITiation CLIENT\n   SCHEDMODE POLLING\n');
  });

  it('without SERVERONLY the fix changes SCHEDMODE alone, as before', () => {
    const text = 'SErvername a\n  SESSIONINITiation Client\n  SCHEDMODE PROMPTED\n';
    const fix = preferredFix(text, 'schedmode-prompted');
    assert.equal(fix.title, 'Change SCHEDMODE to POLLING (then restart the scheduler)');
    assert.equal(fix.text, 'SErvername a\n  SESSIONINITiation Client\n  SCHEDMODE POLLING\n');
    assert.doesNotMatch(fix.message, /CLIENTORSERVER/);
  });

  it('in a complete (Windows) dsm.opt too', () => {
    const text = 'TCPServeraddress tsm.example.edu\nSESSIONINITIATION SERVERONLY\nSCHEDMODE PROMPTED\n';
    assert.equal(
      fixAll(text, WIN)!.text,
      'TCPServeraddress tsm.example.edu\nSESSIONINITIATION CLIENT\nSCHEDMODE POLLING\n',
    );
  });
});

describe('serveronly-polling', () => {
  it('flags SERVERONLY with POLLING, and with no SCHEDMODE; not with PROMPTED nor with CLIENT', () => {
    assert.deepEqual(summary('SErvername a\n  SESSIONINITiation serveronly\n  SCHEDMODE POLLING\n'), [
      ['serveronly-polling', 'serveronly'],
    ]);
    assert.deepEqual(summary('SErvername a\n  SESSIONINITiation client\n  SCHEDMODE POLLING\n'), []);
    assert.ok(!summary(SERVERONLY_PROMPTED).some(([code]) => code === 'serveronly-polling'));
  });

  it('says why, offers CLIENT as the preferred fix, and is not part of fix-all', () => {
    const text = 'SErvername a\n  SESSIONINITiation SERVEROnly\n  SCHEDMODE POLLING\n  TCPCLIENTPort 1501\n';
    const fix = preferredFix(text, 'serveronly-polling');
    assert.match(fix.message, /SCHEDMODE POLLING \(line 3\)/);
    assert.match(fix.message, /CLIENTORSERVER/);
    assert.equal(fix.text, 'SErvername a\n  SESSIONINITiation CLIENT\n  SCHEDMODE POLLING\n  TCPCLIENTPort 1501\n');
    assert.equal(fixAll(text), undefined);
  });
});

describe('prompted-only-option beside SERVERONLY', () => {
  it('is not raised where SERVERONLY makes TCPCLIENTPort the way in; still raised elsewhere', () => {
    const polling = 'SErvername a\n  SCHEDMODE POLLING\n  TCPCLIENTPort 1501\n  TCPCLIENTAddress 10.0.0.5\n';
    assert.deepEqual(
      summary(polling).map(([c]) => c),
      ['prompted-only-option', 'prompted-only-option'],
    );
    const serverOnly = polling.replace('SCHEDMODE POLLING', 'SCHEDMODE POLLING\n  SESSIONINITiation SERVEROnly');
    assert.deepEqual(
      summary(serverOnly).map(([c]) => c),
      ['serveronly-polling'],
    );
  });
});

describe('serveronly-managedservices', () => {
  const base = 'SErvername a\n  SESSIONINITiation SERVEROnly\n  SCHEDMODE PROMPTED\n  PASSWORDAccess generate\n';
  it('flags the SCHEDULE word of MANAGEDSERVICES beside SERVERONLY', () => {
    const text = base + '  MANAGEDServices webclient schedule\n';
    assert.deepEqual(summary(text), [
      ['schedmode-prompted', 'PROMPTED'],
      ['serveronly-managedservices', 'schedule'],
    ]);
    assert.match(
      String(diagnostic(text, 'serveronly-managedservices').message),
      /cannot be used for scheduling with SERVERONLY/,
    );
    // The SCHEDMODE fix makes the stanza client-initiated, and so mends this one too.
    assert.deepEqual(summary(fixAll(text)!.text), []);
  });

  it('is silent for MANAGEDSERVICES WEBCLIENT, and without SERVERONLY', () => {
    assert.deepEqual(
      summary(base + '  MANAGEDServices webclient\n').map(([c]) => c),
      ['schedmode-prompted'],
    );
    assert.deepEqual(
      summary('SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess generate\n  MANAGEDServices schedule\n'),
      [],
    );
  });
});

describe('passwordaccess-differs', () => {
  it('flags a stanza whose PASSWORDACCESS differs from the first one written, with a fix to align it', () => {
    const text =
      'SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess generate\nSErvername b\n  SCHEDMODE POLLING\n  PASSWORDAccess prompt\n';
    assert.deepEqual(summary(text), [['passwordaccess-differs', 'prompt']]);
    const d = diagnostic(text, 'passwordaccess-differs');
    assert.match(String(d.message), /PROMPT here but GENERATE in stanza a \(line 3\)/);
    const { doc, svc } = analyze(text);
    const [align] = svc.codeActions(doc, d.range, { diagnostics: [d] });
    assert.equal(align.isPreferred, false);
    assert.equal(applyEdits(text, align.edit!.changes![SYS]), text.replace('prompt', 'GENERATE'));
  });

  it('is silent when the values agree however written, when a stanza leaves it out, and outside dsm.sys', () => {
    assert.deepEqual(
      summary(
        'SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess gen\nSErvername b\n  SCHEDMODE POLLING\n  passworda GENERATE\n',
      ),
      [],
    );
    assert.deepEqual(
      summary('SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess generate\nSErvername b\n  SCHEDMODE POLLING\n'),
      [],
    );
    assert.deepEqual(summary('PASSWORDAccess prompt\nSCHEDMODE POLLING\n', WIN), []);
  });
});

describe('encryptkey-prompt', () => {
  const stanza = 'SErvername a\n  SCHEDMODE POLLING\n  INCLUDE.ENCRYPT /secret/.../*\n';
  it('flags ENCRYPTKEY PROMPT beside INCLUDE.ENCRYPT, with SAVE and GENERATE as fixes the user chooses', () => {
    const text = stanza + '  ENCRYPTKey prompt\n';
    assert.deepEqual(summary(text), [['encryptkey-prompt', 'prompt']]);
    const d = diagnostic(text, 'encryptkey-prompt');
    assert.match(String(d.message), /INCLUDE\.ENCRYPT \(line 3\)/);
    const { doc, svc } = analyze(text);
    const actions = svc.codeActions(doc, d.range, { diagnostics: [d] });
    assert.deepEqual(
      actions.map((a) => [a.isPreferred, a.title.split(' (')[0]]),
      [
        [false, 'Change ENCRYPTKEY to SAVE'],
        [false, 'Change ENCRYPTKEY to GENERATE'],
        [false, 'Ignore encryptkey-prompt on this line'],
      ],
    );
  });

  it('is silent with SAVE or GENERATE, without INCLUDE.ENCRYPT, and when the two are in different stanzas', () => {
    assert.deepEqual(summary(stanza + '  ENCRYPTKey save\n'), []);
    assert.deepEqual(summary(stanza + '  ENCRYPTKey generate\n'), []);
    assert.deepEqual(summary(stanza), []);
    assert.deepEqual(summary('SErvername a\n  SCHEDMODE POLLING\n  ENCRYPTKey prompt\n'), []);
    assert.deepEqual(summary(stanza + 'SErvername b\n  SCHEDMODE POLLING\n  ENCRYPTKey prompt\n'), []);
  });

  it('in a complete (Windows) dsm.opt too', () => {
    assert.deepEqual(summary('SCHEDMODE POLLING\nINCLUDE.ENCRYPT C:\\secret\\...\\*\nENCRYPTKEY PROMPT\n', WIN), [
      ['encryptkey-prompt', 'PROMPT'],
    ]);
  });
});

describe("a site server's SET SCHEDMODES (schedmode-server-mismatch)", () => {
  const site = (schedmodes?: string) =>
    service({
      serverCatalog: { servers: [{ address: 'tsm.example.edu', port: 1500, ...(schedmodes ? { schedmodes } : {}) }] },
    });
  const stanza = (lines: string) => `SErvername a\n  TCPServeraddress tsm.example.edu\n${lines}`;

  it('a server set to PROMPTED: POLLING is flagged and fixed to PROMPTED; PROMPTED is no longer warned about', () => {
    const svc = site('prompted');
    const polling = stanza('  SCHEDMODE POLLING\n');
    assert.deepEqual(summary(polling, SYS, svc), [['schedmode-server-mismatch', 'POLLING']]);
    const fix = preferredFix(polling, 'schedmode-server-mismatch', SYS, svc);
    assert.match(fix.message, /tsm\.example\.edu is set to accept only PROMPTED schedules/);
    assert.equal(fix.text, stanza('  SCHEDMODE PROMPTED\n'));
    assert.deepEqual(summary(fix.text, SYS, svc), []);
    assert.equal(fixAll(fix.text, SYS, svc), undefined, 'no fix-all to POLLING against a prompted server');
  });

  it('a server set to PROMPTED and no SCHEDMODE: the default POLLING is flagged, and the fix adds PROMPTED, not POLLING', () => {
    const svc = site('prompted');
    const text = stanza('');
    assert.deepEqual(summary(text, SYS, svc), [['schedmode-server-mismatch', 'SErvername']]);
    assert.equal(preferredFix(text, 'schedmode-server-mismatch', SYS, svc).text, stanza('  SCHEDMODE PROMPTED\n'));
  });

  it('a server set to POLLING: PROMPTED is flagged beside the usual warning; POLLING is fine', () => {
    const svc = site('polling');
    assert.deepEqual(summary(stanza('  SCHEDMODE PROMPTED\n'), SYS, svc), [
      ['schedmode-prompted', 'PROMPTED'],
      ['schedmode-server-mismatch', 'PROMPTED'],
    ]);
    assert.deepEqual(summary(stanza('  SCHEDMODE POLLING\n'), SYS, svc), []);
  });

  it('a server set to ANY, or without schedmodes, or not catalogued: nothing new', () => {
    for (const svc of [site('any'), site()])
      assert.deepEqual(summary(stanza('  SCHEDMODE PROMPTED\n'), SYS, svc), [['schedmode-prompted', 'PROMPTED']]);
    assert.deepEqual(
      summary('SErvername a\n  TCPServeraddress other.example.edu\n  SCHEDMODE POLLING\n', SYS, site('prompted')),
      [],
    );
  });

  it('the setting takes only any, polling or prompted: another value is reported and left out', () => {
    const { settings, problems } = checkSettings({
      'dsm.serverCatalog.servers': [{ address: 'x.example.edu', port: 1500, schedmodes: 'sometimes' }],
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /schedmodes/);
    assert.deepEqual(settings.serverCatalog.servers, [{ address: 'x.example.edu', tier: 'site server', port: 1500 }]);
    const good = checkSettings({
      'dsm.serverCatalog.servers': [{ address: 'x.example.edu', port: 1500, schedmodes: 'polling' }],
    });
    assert.deepEqual(good.settings.serverCatalog.servers, [
      { address: 'x.example.edu', tier: 'site server', port: 1500, schedmodes: 'polling' },
    ]);
  });
});

describe('prompted-needs-tcpip', () => {
  it('flags SHAREDMEM or NAMEDPIPES beside SCHEDMODE PROMPTED', () => {
    assert.deepEqual(summary('SErvername a\n  COMMMethod SHAREdmem\n  SCHEDMODE PROMPTED\n'), [
      ['schedmode-prompted', 'PROMPTED'],
      ['prompted-needs-tcpip', 'SHAREdmem'],
    ]);
    assert.deepEqual(
      summary('COMMMETHOD NAMEDPIPES\nSCHEDMODE PROMPTED\n', WIN).map(([c]) => c),
      ['schedmode-prompted', 'prompted-needs-tcpip'],
    );
    // The SCHEDMODE fix resolves it.
    assert.deepEqual(summary(fixAll('SErvername a\n  COMMMethod SHAREdmem\n  SCHEDMODE PROMPTED\n')!.text), []);
  });

  it('is silent for TCPIP, V6TCPIP and the default, and for a polling scheduler', () => {
    for (const method of ['TCPip', 'V6Tcpip'])
      assert.deepEqual(
        summary(`SErvername a\n  COMMMethod ${method}\n  SCHEDMODE PROMPTED\n`).map(([c]) => c),
        ['schedmode-prompted'],
        method,
      );
    assert.deepEqual(
      summary('SErvername a\n  SCHEDMODE PROMPTED\n').map(([c]) => c),
      ['schedmode-prompted'],
    );
    assert.deepEqual(summary('SErvername a\n  COMMMethod SHAREdmem\n  SCHEDMODE POLLING\n'), []);
  });
});

describe('password-ignored', () => {
  it('marks a PASSWORD line where PASSWORDACCESS GENERATE is in effect as unnecessary, with a removal the user may choose', () => {
    const text = 'SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess generate\n  PASsword secret\n';
    assert.deepEqual(summary(text), [['password-ignored', 'PASsword secret']]);
    const d = diagnostic(text, 'password-ignored');
    assert.deepEqual(d.tags, [1]);
    const { doc, svc } = analyze(text);
    const [remove] = svc.codeActions(doc, d.range, { diagnostics: [d] });
    assert.equal(remove.isPreferred, false);
    assert.equal(
      applyEdits(text, remove.edit!.changes![SYS]),
      'SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess generate\n',
    );
  });

  it('is silent with PASSWORDACCESS PROMPT or unset, and across stanzas', () => {
    assert.deepEqual(summary('SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess prompt\n  PASsword secret\n'), []);
    assert.deepEqual(summary('SErvername a\n  SCHEDMODE POLLING\n  PASsword secret\n'), []);
    assert.deepEqual(
      summary(
        'SErvername a\n  SCHEDMODE POLLING\n  PASSWORDAccess generate\nSErvername b\n  SCHEDMODE POLLING\n  PASsword secret\n',
      ),
      [],
    );
  });
});

describe('the checks across options in templates', () => {
  const J2 = 'file:///srv/salt/tsm/dsm.sys.j2';

  it('a SERVERONLY line in a branch makes the conflict information only: it holds when that branch is rendered', () => {
    const text =
      'SErvername fw\n  SCHEDMODE POLLING\n{% if firewalled %}\n  SESSIONINITIATION SERVERONLY\n{% endif %}\n';
    const d = diagnostic(text, 'serveronly-polling', J2);
    assert.equal(d.severity, 3);
  });

  it('outside branches, the SCHEDMODE fix of a template changes both lines as in a plain file', () => {
    const text = 'SErvername {{ name }}\n  SESSIONINITIATION SERVERONLY\n  SCHEDMODE PROMPTED\n';
    const fix = preferredFix(text, 'schedmode-prompted', J2);
    assert.equal(fix.text, 'SErvername {{ name }}\n  SESSIONINITIATION CLIENT\n  SCHEDMODE POLLING\n');
  });
});

describe('hover on a catalogued server with schedmodes', () => {
  it('says which schedulers the server accepts; nothing for ANY', () => {
    const text = 'SErvername a\n  TCPServeraddress tsm.example.edu\n  SCHEDMODE PROMPTED\n';
    const hoverWith = (schedmodes: string) => {
      const svc = service({ serverCatalog: { servers: [{ address: 'tsm.example.edu', port: 1500, schedmodes }] } });
      const { doc } = analyze(text, SYS, svc);
      const h = svc.hover(doc, { line: 1, character: 22 });
      return (h!.contents as { value: string }).value;
    };
    assert.match(hoverWith('prompted'), /PROMPTED schedulers only \(SET SCHEDMODES\)/);
    assert.doesNotMatch(hoverWith('any'), /schedulers only/);
  });
});
