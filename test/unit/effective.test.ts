/** Effective options: what is in effect for a stanza, a Windows dsm.opt and a UNIX dsm.opt with its stanza, where each value comes from, and what the server can override. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Opt } from '../../server/src/model/opt';
import { builtinOptionTable } from '../../server/src/model/optionTable';
import { SERVER_OVERRIDES } from '../../server/src/service/features/effective';
import { service } from './helpers';

const SYS = 'file:///etc/tsm/dsm.sys';
const OPT = 'file:///etc/tsm/dsm.opt';

const TWO_STANZAS = [
  'DEFAULTServer  second',
  'SErvername  first',
  '   TCPServeraddress   bucky5.doit.wisc.edu',
  '   SCHEDMODe          PROMPTED',
  'SErvername  second',
  '   TCPServeraddress   bl1.doit.wisc.edu',
  '   TCPPort            1501',
  '   QUERYSCHedperiod   6',
  '   DOMain             /home',
  '   DOMain             /var',
  '',
].join('\n');

function answer(text: string, uri: string, request = {}, sysText?: string) {
  const svc = service();
  const doc = svc.parse(text, uri);
  const sys = sysText === undefined ? undefined : svc.parse(sysText, SYS);
  return svc.effectiveOptions(doc, request, sys);
}

function entries(r: ReturnType<typeof answer>) {
  if ('error' in r) throw new Error(r.error);
  return r.options;
}

describe('dsm.effectiveOptions: which scope', () => {
  it('a dsm.sys without a stanza named: the DEFAULTServer stanza, each option with its line', () => {
    const r = answer(TWO_STANZAS, SYS);
    assert.ok(!('error' in r));
    assert.equal(r.title, 'stanza second of dsm.sys');
    assert.deepEqual(
      r.options.map((o) => [o.name, o.value, o.source]),
      [
        ['SErvername', 'second', { uri: SYS, line: 4 }],
        ['TCPServeraddress', 'bl1.doit.wisc.edu', { uri: SYS, line: 5 }],
        ['TCPPort', '1501', { uri: SYS, line: 6 }],
        ['QUERYSCHedperiod', '6', { uri: SYS, line: 7 }],
        ['DOMain', '/home', { uri: SYS, line: 8 }],
        ['DOMain', '/var', { uri: SYS, line: 9 }],
      ],
    );
  });

  it('the stanza named (in any case); without DEFAULTServer, the first', () => {
    assert.equal(
      entries(answer(TWO_STANZAS, SYS, { stanza: 'FIRST' })).find((o) => o.name === Opt.SCHEDMODE)?.value,
      'PROMPTED',
    );
    const r = answer(TWO_STANZAS.split('\n').slice(1).join('\n'), SYS);
    assert.ok(!('error' in r) && r.title === 'stanza first of dsm.sys');
  });

  it('a stanza that does not exist, or a dsm.sys without stanzas: an error in words', () => {
    assert.deepEqual(answer(TWO_STANZAS, SYS, { stanza: 'nope' }), {
      error: 'No stanza named nope in dsm.sys. Stanzas: first, second.',
    });
    assert.deepEqual(answer('DEFAULTServer x\n', SYS), { error: 'dsm.sys has no server stanza.' });
  });

  it('a UNIX dsm.opt: its options under the stanza its SErvername selects, the dsm.sys winning where both set one', () => {
    const opt = 'SErvername first\nDOMain /opt\nSCHEDMODe POLLING\n';
    const r = answer(opt, OPT, {}, TWO_STANZAS);
    assert.ok(!('error' in r));
    assert.equal(r.title, 'dsm.opt with stanza first of dsm.sys');
    const byName = (n: string) => r.options.filter((o) => o.name === n).map((o) => [o.value, o.source]);
    // SCHEDMODE is set in both: the dsm.sys line is in effect (IBM: dsm.sys over dsm.opt).
    assert.deepEqual(byName(Opt.SCHEDMODE), [['PROMPTED', { uri: SYS, line: 3 }]]);
    assert.deepEqual(byName(Opt.DOMAIN), [['/opt', { uri: OPT, line: 1 }]]);
    assert.deepEqual(byName(Opt.TCPSERVERADDRESS), [['bucky5.doit.wisc.edu', { uri: SYS, line: 2 }]]);
  });

  it('a UNIX dsm.opt with no SErvername reads the DEFAULTServer stanza; one with no dsm.sys beside it, itself alone, and says so', () => {
    const r = answer('DOMain /opt\n', OPT, {}, TWO_STANZAS);
    assert.ok(!('error' in r) && r.title === 'dsm.opt with stanza second of dsm.sys');
    const alone = answer('SErvername first\nDOMain /opt\n', OPT);
    assert.ok(!('error' in alone));
    assert.equal(alone.title, 'dsm.opt');
    assert.match(alone.notes.join(' '), /dsm\.sys beside this file could not be read/);
    const wrong = answer('SErvername third\nDOMain /opt\n', OPT, {}, TWO_STANZAS);
    assert.ok(!('error' in wrong));
    assert.match(wrong.notes.join(' '), /SErvername third names no stanza/);
  });

  it('a Windows dsm.opt: the file; an include-exclude file: an error', () => {
    const win = 'TCPServeraddress bucky5.doit.wisc.edu\nTCPPort 1503\nSCHEDMODe POLLING\nPASSWORDAccess generate\n';
    const r = answer(win, 'file:///C:/tsm/dsm.opt');
    assert.ok(!('error' in r));
    assert.deepEqual(
      r.options.map((o) => o.name),
      [Opt.TCPSERVERADDRESS, Opt.TCPPORT, Opt.PASSWORDACCESS, Opt.SCHEDMODE],
    );
    assert.match(
      JSON.stringify(answer('include /home/.../*\n', 'file:///etc/tsm/inclexcl.def')),
      /include-exclude file sets no options/,
    );
  });
});

describe('dsm.effectiveOptions: defaults and the server', () => {
  it('with defaults: the table default of what nothing sets, of the options a stanza may hold only', () => {
    const r = entries(answer(TWO_STANZAS, SYS, { defaults: true }));
    const schedmode = r.find((o) => o.name === Opt.SCHEDMODE);
    assert.deepEqual(schedmode, {
      name: 'SCHEDMODe',
      value: 'POLLING',
      source: 'default',
      serverOverride: 'SET SCHEDMODES',
    });
    // Set lines keep their line; a default never hides one.
    assert.deepEqual(r.find((o) => o.name === Opt.TCPPORT)?.source, { uri: SYS, line: 6 });
    // Every default is of an option a dsm.sys stanza may hold.
    const table = builtinOptionTable();
    for (const o of r.filter((x) => x.source === 'default'))
      assert.ok(table.lookup(o.name)!.where.includes('sys-stanza'), o.name);
    assert.ok(!entries(answer(TWO_STANZAS, SYS)).some((o) => o.source === 'default'));
  });

  it('says which server command can override an option, and only for those IBM lists', () => {
    const r = entries(answer(TWO_STANZAS, SYS, { defaults: true }));
    assert.equal(r.find((o) => o.name === Opt.QUERYSCHEDPERIOD)?.serverOverride, 'SET QUERYSCHEDPERIOD');
    assert.equal(r.find((o) => o.name === Opt.TCPPORT)?.serverOverride, undefined);
    assert.equal(r.find((o) => o.name === Opt.SESSIONINITIATION)?.serverOverride, 'UPDATE NODE ... SESSIONINITIATION');
  });

  it('the data names options of the table, each with an IBM page', () => {
    const table = builtinOptionTable();
    for (const o of SERVER_OVERRIDES.options) {
      assert.ok(table.lookup(Opt[o.option]), o.option);
      assert.match(o.page, /^https:\/\/(www\.)?ibm\.com\//, o.option);
    }
  });
});

describe('the stanza hover links to the effective options', () => {
  const hoverAt = (client: object, line: number, character: number) => {
    const svc = service(undefined, { client });
    const h = svc.hover(svc.parse(TWO_STANZAS, SYS), { line, character });
    return h ? (h.contents as { value: string }).value : '';
  };

  it('in a client that has dsm.showEffectiveOptions: a command link with the file and the stanza, encoded so that nothing ends the link', () => {
    const text = hoverAt({ effectiveOptionsCommand: true }, 4, 14);
    const link = /\[Show effective options\]\(command:dsm\.showEffectiveOptions\?([^)\s]+)\)/.exec(text);
    assert.ok(link, text);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [SYS, { stanza: 'second' }]);
  });

  it('no link for a client without the command, nor for one that shows plain text', () => {
    assert.match(hoverAt({}, 4, 14), /\*\*Stanza second\*\*/);
    assert.doesNotMatch(hoverAt({}, 4, 14), /command:/);
    assert.doesNotMatch(
      hoverAt({ effectiveOptionsCommand: true, hoverFormat: 'plaintext' }, 4, 14),
      /command:|effective options/i,
    );
  });
});
