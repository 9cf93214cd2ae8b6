/**
 * Templates of every dialect (issue 17): Jinja and ERB/EPP recognised by the
 * text of a file whatever its name (a Salt formula keeps its Jinja template
 * as plain dsm.sys), and the placeholders of envsubst and shell
 * here-documents (`${VAR}`, `$VAR`), Python's str.format (`{name}`) and
 * autoconf/CMake (`@VAR@`) in files named as templates (`.template`, `.tpl`,
 * `.in`). A placeholder is never judged; the literal lines around it are.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, service } from './helpers';
import {
  dialectFromText,
  isOptionFileName,
  isTemplateName,
  kindFromName,
  templateDialect,
  templateSyntax,
} from '../../server/src/parser/fileKind';
import type { DsmDocument, OptionLine } from '../../server/src/parser/types';

const PLAIN = 'file:///srv/salt/tsm/files/dsm.sys';
const ENVSUBST = 'file:///image/dsm.sys.template';
const FORMAT = 'file:///image/dsm.sys.tpl';
const AUTOCONF = 'file:///src/dsm.opt.in';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** What a user sees in the problems list: `code line(1-based) severity`. */
function problems(text: string, uri: string): string[] {
  const { doc, svc } = analyze(text, uri);
  return svc.diagnostics(doc).map((d) => `${d.code} ${d.range.start.line + 1} ${SEVERITY[d.severity ?? 0]}`);
}

function option(doc: DsmDocument, line: number): OptionLine {
  const e = doc.byLine[line];
  assert.ok(e && e.kind === 'option', `line ${line + 1} is an option, not ${e?.kind}`);
  return e;
}

/** Each value word of a line: its text, and whether it holds template syntax. */
function words(doc: DsmDocument, line: number): [string, boolean][] {
  return option(doc, line).values.map((w) => [w.text, w.template === true]);
}

/** A stanza that is complete and quiet, then `body`. */
const STANZA = (header: string, body: string) =>
  `SErvername ${header}\n   COMMMethod TCPip\n   TCPServeraddress tsm.example.com\n   PASSWORDAccess generate\n   SCHEDMODe POLLING\n${body}`;

describe('template dialects: recognised by the text', () => {
  it('reads {{ or {% as Jinja, <% as ERB, or EPP when its tags hold Puppet variables; the first mark decides', () => {
    assert.equal(dialectFromText('SErvername {{ server }}\n'), 'jinja');
    assert.equal(dialectFromText('{% if ssl %}\nSSL yes\n{% endif %}\n'), 'jinja');
    assert.equal(dialectFromText('SErvername <%= @server %>\n'), 'erb');
    assert.equal(dialectFromText('<%- | String $server | -%>\nSErvername <%= $server %>\n'), 'epp');
    assert.equal(dialectFromText('SErvername <%= $server %>\n'), 'epp');
    assert.equal(dialectFromText('* <%= @note %>\nSErvername {{ s }}\n'), 'erb');
    assert.equal(dialectFromText('SErvername {{ s }}\n* <%= @note %>\n'), 'jinja');
    for (const plain of [
      'SErvername a\n',
      'EXCLUDE "{/Volumes/Macintosh HD}/.../*"\n',
      'EXCLUDE.DIR C:\\$Recycle.Bin\n',
      'DOMain 100%\n',
      '',
    ]) {
      assert.equal(dialectFromText(plain), undefined, plain);
    }
  });

  it("a Salt formula's plain dsm.sys: no unknown option on {{ key }}, no invalid TCPPort on {{, and its literal PROMPTED still reported", () => {
    const text = [
      "{%- set tsm = salt['pillar.get']('tsm:client', {}) %}",
      "SErvername {{ tsm.get('server', 'TSM1') }}",
      '   COMMMethod        TCPip',
      "   TCPPort           {{ tsm.get('port', 1500) }}",
      '   TCPServeraddress  {{ tsm.address }}',
      '   PASSWORDAccess    generate',
      '   SCHEDMODe         PROMPTED',
      "{%- for key, value in tsm.get('extra', {}).items() %}",
      '   {{ key }} {{ value }}',
      '{%- endfor %}',
      '',
    ].join('\n');
    const { doc } = analyze(text, PLAIN);
    assert.equal(doc.template?.dialect, 'jinja');
    assert.equal(doc.template?.placeholders, false, 'a plain name: $ and braces stay literal');
    assert.deepEqual(problems(text, PLAIN), ['schedmode-prompted 7 warning']);
  });

  it('an ERB or EPP template under a plain name is read in its own dialect (its blocks are seen)', () => {
    const erb = STANZA('main', '<% if @ssl -%>\n   SSL yes\n<% else -%>\n   SSL no\n<% end -%>\n');
    const { doc } = analyze(erb, 'file:///etc/tsm/dsm.sys');
    assert.equal(doc.template?.dialect, 'erb');
    assert.deepEqual(
      doc.template?.blocks.map((b) => [b.kind, b.branches]),
      [['if', 2]],
    );
    assert.deepEqual(problems(erb, 'file:///etc/tsm/dsm.sys'), [], 'SSL in two branches is no duplicate');
    const epp = STANZA('main', '<% if $ssl { -%>\n   SSL yes\n<% } else { -%>\n   SSL no\n<% } -%>\n');
    assert.equal(analyze(epp, 'file:///etc/tsm/dsm.sys').doc.template?.dialect, 'epp');
    assert.deepEqual(problems(epp, 'file:///etc/tsm/dsm.sys'), []);
  });

  it('a plain file stays plain: $ and braces are its literal text, and a placeholder-looking value is judged', () => {
    const text = STANZA(
      'main',
      '   TCPPort ${DSM_TCPPORT}\n   EXCLUDE.DIR C:\\$Recycle.Bin\n   EXCLUDE "{/Volumes/Macintosh HD}/.../*"\n',
    );
    const { doc } = analyze(text, 'file:///etc/dsm.sys');
    assert.equal(doc.template, undefined);
    assert.deepEqual(words(doc, 5), [['${DSM_TCPPORT}', false]]);
    assert.deepEqual(problems(text, 'file:///etc/dsm.sys'), ['invalid-value 6 error']);
  });

  it('a line edited to gain a tag makes the plain file a template; losing its last tag makes it plain again', () => {
    const svc = service();
    const text = STANZA('main', '   TCPPort 1500\n');
    const doc = svc.parse(text, PLAIN);
    const tagged = text.replace('TCPPort 1500', 'TCPPort {{ port }}');
    const start = text.indexOf('   TCPPort');
    const re = svc.reparse(doc, tagged, new Map([[5, start]]));
    assert.equal(re.template?.dialect, 'jinja');
    assert.deepEqual(words(re, 5), [['{{ port }}', true]]);
    assert.deepEqual(svc.diagnostics(re), []);
    const back = svc.reparse(re, text, new Map([[5, start]]));
    assert.equal(back.template, undefined);
  });

  it("a file whose only mark is ERB's escaped <%% (no tag at all) becomes plain again when the mark is typed away (drawn seed 2069037786)", () => {
    const svc = service();
    const doc = svc.parse('<%%', PLAIN);
    assert.equal(doc.template?.dialect, 'erb');
    const edited = svc.reparse(doc, 'x', new Map([[0, 0]]));
    assert.deepEqual(edited.template, svc.parse('x', PLAIN).template);
    assert.equal(edited.template, undefined);
  });
});

describe('template dialects: placeholders in files named as templates', () => {
  it('.template, .tpl and .in are template names of no language: the kind is read from the rest of the name', () => {
    for (const name of [
      'dsm.sys.template',
      'dsm.opt.template',
      'dsm_nightly.opt.template',
      'dsm.sys.tpl',
      'dsm.opt.tpl',
      'dsm.sys.in',
      'DSM.OPT.IN',
    ]) {
      const uri = `file:///image/${name}`;
      assert.ok(isTemplateName(uri), name);
      assert.equal(templateDialect(uri), undefined, name);
      assert.ok(isOptionFileName(uri), `${name}: dsm-lint picks it from a folder`);
    }
    assert.equal(kindFromName('file:///image/dsm.sys.template'), 'sys');
    assert.equal(kindFromName('file:///image/dsm.opt.in'), 'opt');
    assert.equal(kindFromName('file:///image/tsm.exclude.tpl'), 'inclexcl');
    assert.deepEqual(templateSyntax('file:///image/dsm.sys.template', 'SErvername a\n'), {
      dialect: undefined,
      placeholders: true,
    });
    assert.deepEqual(templateSyntax('file:///image/dsm.sys.template', 'SErvername {{ a }}\n'), {
      dialect: 'jinja',
      placeholders: true,
    });
    assert.deepEqual(templateSyntax('file:///r/dsm.sys.j2', 'SErvername a\n'), {
      dialect: 'jinja',
      placeholders: true,
    });
    assert.equal(templateSyntax('file:///etc/dsm.sys', 'SErvername a\n'), undefined);
    assert.equal(isTemplateName('file:///etc/dsm.sys'), false);
  });

  it('envsubst and here-documents: ${VAR}, ${VAR:-default}, $VAR and $(command) are placeholders, never judged', () => {
    const text = STANZA(
      '${DSM_SERVERNAME}',
      '   TCPPort ${DSM_TCPPORT}\n   HTTPport ${DSM_HTTPPORT:-1581}\n   NODename $HOSTNAME\n   TCPBuffsize $(getconf PAGESIZE)\n   ERRORLOGName "${DSM_LOG}/dsmerror.log"\n',
    );
    const { doc } = analyze(text, ENVSUBST);
    assert.deepEqual(words(doc, 5), [['${DSM_TCPPORT}', true]]);
    assert.deepEqual(words(doc, 6), [['${DSM_HTTPPORT:-1581}', true]]);
    assert.deepEqual(words(doc, 7), [['$HOSTNAME', true]]);
    assert.deepEqual(words(doc, 8), [['$(getconf PAGESIZE)', true]], 'blanks inside $( ) do not split the word');
    assert.deepEqual(words(doc, 9), [['${DSM_LOG}/dsmerror.log', true]]);
    assert.deepEqual(problems(text, ENVSUBST), []);
  });

  it('the literal lines around placeholders are judged: an out-of-range port, a PROMPTED scheduler', () => {
    const text = STANZA('${DSM_SERVERNAME}', '   TCPPort 99999\n   NODename ${NODE}\n').replace('POLLING', 'PROMPTED');
    assert.deepEqual(problems(text, ENVSUBST), ['schedmode-prompted 5 warning', 'invalid-value 6 error']);
  });

  it('a placeholder that may render PROMPTED is reported as uncertain, as {{ }} is', () => {
    const text = STANZA('main', '').replace('SCHEDMODe POLLING', 'SCHEDMODe ${DSM_SCHEDMODE:-prompted}');
    assert.deepEqual(problems(text, ENVSUBST), ['schedmode-prompted 5 information']);
  });

  it("Python's str.format: {name}, {0}, {obj.attr}, {name!r:>10} are placeholders, as a name too; IBM's braced file space names are not", () => {
    const text = STANZA(
      '{tsm_server}',
      '   TCPPort {port}\n   QUERYSCHEDPeriod {0}\n   NODename {node.name}\n   TCPBuffsize {buf!s:>4}\n   {extra_option} {extra_value}\n   EXCLUDE "{/Volumes/Macintosh HD}/.../*"\n',
    );
    const { doc } = analyze(text, FORMAT);
    assert.deepEqual(words(doc, 5), [['{port}', true]]);
    assert.deepEqual(words(doc, 6), [['{0}', true]]);
    assert.deepEqual(words(doc, 7), [['{node.name}', true]]);
    assert.deepEqual(words(doc, 8), [['{buf!s:>4}', true]]);
    const extra = option(doc, 9);
    assert.deepEqual([extra.name.text, extra.name.template, extra.option], ['{extra_option}', true, undefined]);
    assert.deepEqual(
      words(doc, 10),
      [['{/Volumes/Macintosh HD}/.../*', false]],
      'a file space name in braces is literal',
    );
    assert.deepEqual(problems(text, FORMAT), []);
  });

  it('autoconf and CMake: @VAR@ is a placeholder, as a value and as a name; a lone @ is literal', () => {
    const text =
      'COMMMethod TCPip\nTCPServeraddress @TSM_SERVER@\nTCPPort @TSM_PORT@\nPASSWORDAccess generate\nSCHEDMODe POLLING\n@TSM_EXTRA_OPTION@ yes\nNODename node@site\n';
    const { doc } = analyze(text, AUTOCONF);
    assert.equal(doc.fileKind, 'opt-windows');
    assert.deepEqual(words(doc, 2), [['@TSM_PORT@', true]]);
    assert.equal(option(doc, 5).name.template, true);
    assert.deepEqual(words(doc, 6), [['node@site', false]]);
    assert.deepEqual(problems(text, AUTOCONF), []);
  });

  it('\\$ is a literal $, as in a here-document: a Windows path in a file named as a template stays a path', () => {
    const { doc } = analyze(
      'EXCLUDE.DIR C:\\$Recycle.Bin\nEXCLUDE.DIR C:\\${TEMP_DIR}\n',
      'file:///c/dsm.opt.template',
    );
    assert.deepEqual(words(doc, 0), [['C:\\$Recycle.Bin', false]]);
    assert.deepEqual(words(doc, 1), [['C:\\${TEMP_DIR}', false]]);
  });

  it('hover on a placeholder explains it; a quick fix never edits one', () => {
    const svc = service();
    const text = STANZA('main', '   TCPPort ${DSM_TCPPORT}\n   SCHEDMODe PROMPTED\n');
    const doc = svc.parse(text, ENVSUBST);
    assert.match(JSON.stringify(svc.hover(doc, { line: 5, character: 15 })?.contents), /Template syntax/);
    const diagnostics = svc.diagnostics(doc);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['schedmode-prompted', 'duplicate-option'],
    );
    const actions = svc.codeActions(
      doc,
      { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } },
      { diagnostics },
    );
    for (const a of actions)
      for (const e of a.edit?.changes?.[ENVSUBST] ?? []) assert.notEqual(e.range.start.line, 5, a.title);
  });

  it('a stanza name from a placeholder cannot be renamed: {name}, @VAR@ and $VAR as ${VAR}', () => {
    const svc = service();
    for (const [uri, name] of [
      [FORMAT, '{tsm_server}'],
      ['file:///src/dsm.sys.in', '@TSM_SERVER@'],
      [ENVSUBST, '$TSM_SERVER'],
      [ENVSUBST, '${TSM_SERVER}'],
    ]) {
      const doc = svc.parse(`SErvername ${name}\n   TCPPort 1500\n`, uri);
      assert.equal(
        svc.prepareRename(doc, { line: 0, character: 13 }),
        `${name} is a template expression, not a stanza name.`,
        uri,
      );
    }
    const plain = svc.parse('SErvername @TSM_SERVER@\n   TCPPort 1500\n', 'file:///etc/dsm.sys');
    assert.deepEqual(
      svc.prepareRename(plain, { line: 0, character: 13 }),
      { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 23 } }, placeholder: '@TSM_SERVER@' },
      'in a plain file, a name',
    );
  });

  it('a line edited to gain or lose a placeholder is read again with the rest of the template', () => {
    const svc = service();
    const text = STANZA('main', '   TCPPort 1500\n');
    const doc = svc.parse(text, ENVSUBST);
    const start = text.indexOf('   TCPPort');
    const gained = svc.reparse(doc, text.replace('1500', '${PORT}'), new Map([[5, start]]));
    assert.deepEqual(words(gained, 5), [['${PORT}', true]]);
    assert.deepEqual(
      gained.template?.spans.map((s) => s.range.start),
      [{ line: 5, character: 11 }],
    );
    const lost = svc.reparse(gained, text.replace('1500', '99999'), new Map([[5, start]]));
    assert.deepEqual(lost.template?.spans, []);
    assert.deepEqual(
      svc.diagnostics(lost).map((d) => d.code),
      ['invalid-value'],
    );
  });

  it('package.json opens these names as dsm, and each is a template name for the server', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'dsm');
    for (const ext of ['template', 'tpl', 'in']) {
      for (const kind of ['sys', 'opt']) {
        const name = `dsm.${kind}.${ext}`;
        assert.ok(language.filenames.includes(name), `${name} is contributed`);
        assert.ok(isTemplateName(`file:///x/${name}`), `${name} is a template for the server`);
      }
    }
    assert.ok(language.filenamePatterns.includes('dsm*.opt.{template,tpl,in}'));
    assert.ok(language.filenamePatterns.includes('*.{excl,incl,exclude,include}.{template,tpl,in}'));
  });
});
