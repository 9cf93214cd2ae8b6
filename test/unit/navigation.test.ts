/** Navigation by stanza name across files, workspace symbols, document links, and the summaries and URIs they rest on. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Location, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { DsmLanguageService } from '../../server/src/service/languageService';
import { summarize } from '../../server/src/service/workspaceIndex';
import { resolveFileSpec, sameUri } from '../../server/src/util/uris';
import { applyEdits, memoryWorkspace, service, textAt } from './helpers';

const SYS_URI = 'file:///etc/tsm/dsm.sys';
const OPT_URI = 'file:///etc/tsm/dsm.opt';
const NIGHTLY_URI = 'file:///etc/tsm/dsm_nightly.opt';
const OTHER_OPT = 'file:///srv/other/dsm.opt';

const SYS = [
  'DEFAULTServer   bucky5',
  'SErvername  bucky5',
  '   TCPServeraddress   bucky5.doit.wisc.edu',
  '   MYREPLICATIONServer  replica',
  '   INCLExcl   /etc/tsm/backup.excl',
  '   ERRORLOGName   logs/dsmerror.log',
  'SErvername  "archive"',
  '   TCPServeraddress   ba1.doit.wisc.edu',
  'REPLSERVERName  replica',
  '   REPLTCPServeraddress   bucky6.doit.wisc.edu',
  '',
].join('\n');
const OPT = 'SErvername bucky5\nDOMain /home\n';
const NIGHTLY = '* nightly runs\nSERVERNAME BUCKY5\n';
const OTHER = 'SErvername bucky5\n';

const FILES = { [SYS_URI]: SYS, [OPT_URI]: OPT, [NIGHTLY_URI]: NIGHTLY, [OTHER_OPT]: OTHER };

function setup() {
  const svc = new DsmLanguageService({ workspace: memoryWorkspace(FILES) });
  const docs = Object.fromEntries(Object.entries(FILES).map(([uri, text]) => [uri, svc.parse(text, uri)]));
  return { svc, docs };
}

function at(text: string, line: number, word: string): Position {
  return Position.create(line, text.split('\n')[line].indexOf(word) + 1);
}

/** Each location as `file:line:text`. */
function places(locations: Location[]): string[] {
  return locations.map(
    (l) =>
      `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${textAt(FILES[l.uri as keyof typeof FILES], l.range)}`,
  );
}

describe('summaries and file specifications', () => {
  it('summarize: stanzas with the server they reach, the stanza names a file refers to, the files INCLExcl names', () => {
    const s = summarize(service().parse(SYS, SYS_URI));
    assert.deepEqual(
      s.stanzas.map((x) => [x.kind, x.name, x.address, textAt(SYS, x.nameRange)]),
      [
        ['server', 'bucky5', 'bucky5.doit.wisc.edu', 'bucky5'],
        ['server', 'archive', 'ba1.doit.wisc.edu', 'archive'],
        ['replserver', 'replica', 'bucky6.doit.wisc.edu', 'replica'],
      ],
    );
    assert.deepEqual(
      s.references.map((r) => [r.option, r.target, r.name]),
      [
        ['DEFAULTServer', 'server', 'bucky5'],
        ['MYREPLICATIONServer', 'replserver', 'replica'],
      ],
    );
    assert.deepEqual(s.inclExclTargets, ['file:///etc/tsm/backup.excl']);
    assert.deepEqual(
      summarize(service().parse(OPT, OPT_URI)).references.map((r) => r.name),
      ['bucky5'],
    );
  });

  it("resolveFileSpec: absolute, relative to the options file's folder, Windows drives and UNC names; nothing for templates and wildcards", () => {
    assert.equal(resolveFileSpec('/etc/inclexcl.def', SYS_URI), 'file:///etc/inclexcl.def');
    assert.equal(resolveFileSpec('logs/../x y.excl', SYS_URI), 'file:///etc/tsm/x%20y.excl');
    assert.equal(
      resolveFileSpec('/etc/x', 'vscode-remote://ssh-remote+host/home/u/dsm.sys'),
      'vscode-remote://ssh-remote+host/etc/x',
    );
    assert.equal(resolveFileSpec('c:\\tsm\\backup.excl', 'file:///c%3A/tsm/dsm.opt'), 'file:///c%3A/tsm/backup.excl');
    assert.equal(
      resolveFileSpec('\\\\srv\\d$\\x.excl', 'file:///c%3A/tsm/dsm.opt'),
      undefined,
      'a $ reads as an environment variable',
    );
    assert.equal(resolveFileSpec('\\\\srv\\share\\x.excl', 'file:///c%3A/tsm/dsm.opt'), 'file://srv/share/x.excl');
    for (const spec of ['{{ inclexcl }}', '<%= @file %>', '$HOME/x', '/var/log/*.log', ''])
      assert.equal(resolveFileSpec(spec, SYS_URI), undefined, spec);
    assert.ok(sameUri('file:///c%3A/tsm/x', 'file:///c:/tsm/x'));
  });
});

describe('go to definition, references, highlights', () => {
  it('goes from a dsm.opt SErvername, DEFAULTServer and MYREPLICATIONServer to the stanza header, and from a header to itself', () => {
    const { svc, docs } = setup();
    assert.deepEqual(places(svc.definition(docs[OPT_URI], at(OPT, 0, 'bucky5'))), ['dsm.sys:1:bucky5']);
    assert.deepEqual(
      places(svc.definition(docs[NIGHTLY_URI], at(NIGHTLY, 1, 'BUCKY5'))),
      ['dsm.sys:1:bucky5'],
      'names compare without case',
    );
    assert.deepEqual(places(svc.definition(docs[SYS_URI], at(SYS, 0, 'bucky5'))), ['dsm.sys:1:bucky5']);
    assert.deepEqual(places(svc.definition(docs[SYS_URI], at(SYS, 3, 'replica'))), ['dsm.sys:8:replica']);
    assert.deepEqual(
      places(svc.definition(docs[SYS_URI], at(SYS, 6, 'archive'))),
      ['dsm.sys:6:archive'],
      'quotes are not part of the name',
    );
    assert.deepEqual(svc.definition(docs[OPT_URI], at(OPT, 1, '/home')), []);
    assert.deepEqual(
      svc.definition(docs[OTHER_OPT], at(OTHER, 0, 'bucky5')),
      [],
      'a dsm.opt reads the dsm.sys of its own folder only',
    );
  });

  it('finds every reference, in the dsm.sys and the dsm.opt files beside it, with or without the declaration', () => {
    const { svc, docs } = setup();
    const all = places(svc.references(docs[OPT_URI], at(OPT, 0, 'bucky5'), true));
    assert.deepEqual(all.sort(), [
      'dsm.opt:0:bucky5',
      'dsm.sys:0:bucky5',
      'dsm.sys:1:bucky5',
      'dsm_nightly.opt:1:BUCKY5',
    ]);
    assert.equal(svc.references(docs[SYS_URI], at(SYS, 1, 'bucky5'), false).length, 3);
  });

  it('highlights the name in the current document: the header written, the references read', () => {
    const { svc, docs } = setup();
    const h = svc.documentHighlights(docs[SYS_URI], at(SYS, 1, 'bucky5'));
    assert.deepEqual(
      h.map((x) => [x.range.start.line, x.kind]),
      [
        [1, 3],
        [0, 2],
      ],
    );
  });
});

describe('rename', () => {
  it('refuses anything that is not a stanza name, and a stanza the workspace does not know', () => {
    const { svc, docs } = setup();
    assert.match(
      svc.prepareRename(docs[SYS_URI], at(SYS, 2, 'bucky5.doit')) as string,
      /Only a stanza name can be renamed/,
    );
    assert.match(svc.prepareRename(docs[SYS_URI], Position.create(1, 2)) as string, /Only a stanza name/);
    assert.match(
      svc.prepareRename(docs[OTHER_OPT], at(OTHER, 0, 'bucky5')) as string,
      /dsm\.sys that defines bucky5 .* is not known/,
    );
    const alone = service();
    const opt = alone.parse('SErvername ghost\n', OPT_URI);
    assert.match(alone.prepareRename(opt, Position.create(0, 12)) as string, /not known/);
    assert.deepEqual(svc.prepareRename(docs[OPT_URI], at(OPT, 0, 'bucky5')), {
      range: Range.create(0, 11, 0, 17),
      placeholder: 'bucky5',
    });
  });

  it('renames a stanza in every file that names it, and nothing else', () => {
    const { svc, docs } = setup();
    const changes = svc.rename(docs[OPT_URI], at(OPT, 0, 'bucky5'), 'bucky7') as Record<string, TextEdit[]>;
    assert.deepEqual(Object.keys(changes).sort(), [NIGHTLY_URI, OPT_URI, SYS_URI].sort());
    assert.equal(applyEdits(SYS, changes[SYS_URI]), SYS.replace(/bucky5(?!\.)/g, 'bucky7'));
    assert.equal(applyEdits(OPT, changes[OPT_URI]), 'SErvername bucky7\nDOMain /home\n');
    assert.equal(applyEdits(NIGHTLY, changes[NIGHTLY_URI]), '* nightly runs\nSERVERNAME bucky7\n');
    const quoted = svc.rename(docs[SYS_URI], at(SYS, 6, 'archive'), 'vault') as Record<string, TextEdit[]>;
    assert.equal(applyEdits(SYS, quoted[SYS_URI]), SYS.replace('"archive"', '"vault"'));
  });

  it('refuses a name that is not one word, or that another stanza of the file has', () => {
    const { svc, docs } = setup();
    assert.match(svc.rename(docs[OPT_URI], at(OPT, 0, 'bucky5'), 'two words') as string, /cannot be a stanza name/);
    assert.match(svc.rename(docs[OPT_URI], at(OPT, 0, 'bucky5'), '*x') as string, /cannot be a stanza name/);
    assert.match(
      svc.rename(docs[OPT_URI], at(OPT, 0, 'bucky5'), 42 as unknown as string) as string,
      /cannot be a stanza name/,
      'a client that sends no string',
    );
    assert.match(
      svc.rename(docs[OPT_URI], at(OPT, 0, 'bucky5'), 'ARCHIVE') as string,
      /already has a stanza named archive \(line 7\)/,
    );
    assert.equal(
      typeof svc.rename(docs[OPT_URI], at(OPT, 0, 'bucky5'), 'BUCKY5'),
      'object',
      'a change of case is a rename',
    );
  });
});

describe('workspace symbols and document links', () => {
  it('finds stanzas of every known dsm.sys by name or by server address', () => {
    const { svc } = setup();
    assert.deepEqual(
      svc.workspaceSymbols('').map((s) => s.name),
      ['bucky5', 'archive', 'replica'],
    );
    assert.deepEqual(
      svc.workspaceSymbols('BA1.doit').map((s) => [s.name, s.location.uri, s.location.range.start.line]),
      [['archive', SYS_URI, 6]],
    );
    assert.match(svc.workspaceSymbols('replica')[0].containerName!, /replication, dsm\.sys → bucky6\.doit\.wisc\.edu/);
    assert.deepEqual(service().workspaceSymbols('x'), [], 'no workspace, no symbols');
  });

  it('links INCLExcl and the log files, relative ones with a tooltip, never an include pattern', () => {
    const { svc, docs } = setup();
    const links = svc.documentLinks(docs[SYS_URI]);
    assert.deepEqual(
      links.map((l) => [textAt(SYS, l.range), l.target]),
      [
        ['/etc/tsm/backup.excl', 'file:///etc/tsm/backup.excl'],
        ['logs/dsmerror.log', 'file:///etc/tsm/logs/dsmerror.log'],
      ],
    );
    assert.equal(links[0].tooltip, undefined);
    assert.match(links[1].tooltip!, /resolved against this file's folder/);
    assert.deepEqual(
      svc.documentLinks(svc.parse('SErvername a\n  INCLUDE /etc/x MC\n  EXCLUDE.DIR /proc\n', SYS_URI)),
      [],
    );
  });
});
