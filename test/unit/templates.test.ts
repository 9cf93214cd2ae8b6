/**
 * Option files kept as templates (Jinja for Ansible and Salt, ERB for Puppet
 * and Chef, EPP for Puppet): recognised by name, read around their tags, and
 * checked for what is literal only.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CodeAction } from 'vscode-languageserver-types';
import { analyze, applyEdits, memoryWorkspace, service, textAt } from './helpers';
import { detectFileKind, templateDialect, withoutTemplateExtension } from '../../server/src/parser/fileKind';
import { touchesTemplate } from '../../server/src/parser/template';
import type { DsmDocument, OptionLine } from '../../server/src/parser/types';
import { DsmLanguageService } from '../../server/src/service/languageService';
import { entriesOf } from '../../server/src/parser/document';

const J2 = 'file:///roles/tsm/templates/dsm.sys.j2';
const OPT_J2 = 'file:///roles/tsm/templates/dsm.opt.j2';
const ERB = 'file:///modules/tsm/templates/dsm.sys.erb';
const EPP = 'file:///modules/tsm/templates/dsm.sys.epp';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** What a user sees in the problems list: `code line(1-based) severity`. */
function problems(text: string, uri = J2, svc = service()): string[] {
  const { doc } = analyze(text, uri, svc);
  return svc.diagnostics(doc).map((d) => `${d.code} ${d.range.start.line + 1} ${SEVERITY[d.severity ?? 0]}`);
}

function option(doc: DsmDocument, line: number): OptionLine {
  const e = doc.byLine[line];
  assert.ok(e && e.kind === 'option', `line ${line + 1} is an option, not ${e?.kind}`);
  return e;
}

/** Every quick fix offered anywhere in the document, with what it edits. */
function allActions(svc: DsmLanguageService, doc: DsmDocument): CodeAction[] {
  const diagnostics = svc.diagnostics(doc);
  const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
  return svc.codeActions(doc, whole, { diagnostics });
}

/** The text after the preferred quick fix, in a template that raises this one problem and nothing else. */
function withPreferredFix(text: string, expected: string): string {
  const svc = service();
  const { doc } = analyze(text, J2, svc);
  assert.deepEqual(problems(text), [expected]);
  const fix = allActions(svc, doc).find((a) => a.isPreferred);
  assert.ok(fix?.edit?.changes, 'a preferred fix');
  return applyEdits(text, fix.edit.changes[J2]);
}

const STANZA = (body: string) =>
  `SErvername  main\n   TCPServeraddress  tsm.example.edu\n   SCHEDMODe  POLLING\n${body}`;

describe('templates: names', () => {
  it('knows the template extensions and the dialect each stands for, whatever the case', () => {
    const cases: [string, string | undefined][] = [
      ['dsm.sys.j2', 'jinja'],
      ['dsm.opt.j2', 'jinja'],
      ['dsm_nightly.opt.j2', 'jinja'],
      ['dsm.sys.jinja', 'jinja'],
      ['dsm.sys.jinja2', 'jinja'],
      ['dsm.opt.tmpl', 'jinja'],
      ['dsm.sys.erb', 'erb'],
      ['DSM.OPT.ERB', 'erb'],
      ['dsm.sys.epp', 'epp'],
      ['dsm.sys', undefined],
      ['dsm.opt', undefined],
      ['dsm.sys.smp', undefined],
      ['j2', undefined],
    ];
    for (const [name, dialect] of cases) assert.equal(templateDialect(`file:///etc/${name}`), dialect, name);
    assert.equal(templateDialect('untitled:Untitled-1'), undefined);
  });

  it('takes the template extension off, then reads the kind of the rest', () => {
    assert.equal(withoutTemplateExtension('dsm.sys.j2'), 'dsm.sys');
    assert.equal(withoutTemplateExtension('dsm_win.opt.erb'), 'dsm_win.opt');
    assert.equal(withoutTemplateExtension('dsm.sys'), 'dsm.sys');
    assert.equal(detectFileKind('file:///t/dsm.sys.j2', [], 'auto'), 'sys');
    assert.equal(detectFileKind('file:///t/dsm.sys.epp', [], 'auto'), 'sys');
    assert.equal(detectFileKind('file:///t/dsm.opt.erb', [], 'auto'), 'opt-unix');
    assert.equal(detectFileKind('file:///t/dsm_backup.opt.tmpl', [], 'windows'), 'opt-windows');
    const { doc } = analyze('TCPServeraddress <%= @server %>\nSCHEDMODE POLLING\n', 'file:///c/dsm_win.opt.erb');
    assert.equal(doc.fileKind, 'opt-windows', 'a complete options file, by its options');
  });

  it('a fragment named for nothing is a dsm.sys when a stanza header is followed by placeholder options', () => {
    const { doc } = analyze(
      'Servername  <%= @server_name %>\n<%= "%-21s %s" % [key, value] %>\n',
      'file:///m/templates/stanza.erb',
    );
    assert.equal(doc.fileKind, 'sys');
  });

  it('package.json gives VS Code the names the server recognises', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'dsm');
    const names: string[] = language.filenames;
    for (const ext of ['j2', 'jinja', 'jinja2', 'tmpl', 'erb', 'epp']) {
      for (const kind of ['sys', 'opt']) {
        assert.ok(names.includes(`dsm.${kind}.${ext}`), `dsm.${kind}.${ext} is contributed`);
        assert.ok(templateDialect(`file:///x/dsm.${kind}.${ext}`), `dsm.${kind}.${ext} is a template for the server`);
      }
    }
    assert.ok(language.filenamePatterns.includes('dsm*.opt.{j2,jinja,jinja2,tmpl,erb,epp}'));
  });
});

describe('templates: Jinja', () => {
  it('a placeholder value is a word of its own, blanks and quotes inside it included', () => {
    const { doc } = analyze(
      STANZA(`   TCPPort {{ tsm_port | default('1500') }}\n   ERRORLOGName "{{ log_dir }}/dsmerror.log"\n`),
      J2,
    );
    const port = option(doc, 3);
    assert.equal(port.option?.name, 'TCPPort');
    assert.deepEqual(
      port.values.map((w) => [w.text, w.template]),
      [["{{ tsm_port | default('1500') }}", true]],
    );
    const log = option(doc, 4);
    assert.deepEqual(
      log.values.map((w) => [w.text, w.quote, w.template]),
      [['{{ log_dir }}/dsmerror.log', '"', true]],
    );
  });

  it('lines of control tags and template comments are template lines, not options; a literal line is an option', () => {
    const text = '{% if ssl %}\n{%- else -%}\n{# note #}\n  {% endif %}  {# two tags #}\nSErvername a\n';
    const { doc } = analyze(text, J2);
    assert.deepEqual(
      entriesOf(doc).map((e) => e.kind),
      ['template', 'template', 'template', 'template', 'option'],
    );
    assert.deepEqual(doc.byLine[3], { kind: 'template', line: 3, start: 2, end: 29 });
    assert.deepEqual(
      doc.options.map((o) => o.line),
      [4],
    );
  });

  it('a tag over several lines makes each of its lines a template line, with whitespace control', () => {
    const text =
      'SErvername a\n   SCHEDMODE POLLING\n{%- if tsm_nodes\n      and tsm_ssl -%}\n   SSL yes\n{#\n   SCHEDMODE PROMPTED\n#}\n{% endif %}\n';
    const { doc } = analyze(text, J2);
    assert.deepEqual(
      doc.byLine.map((e) => e?.kind ?? null),
      ['option', 'option', 'template', 'template', 'option', 'template', 'template', 'template', 'template', null],
    );
    assert.deepEqual(
      doc.template?.blocks.map((b) => [b.kind, b.line, b.endLine]),
      [['if', 2, 8]],
    );
    assert.deepEqual(problems(text), []);
  });

  it('control tags before the name are skipped, and after the last word taken off it', () => {
    const { doc } = analyze('{% if ssl %}SSL yes{% endif %}\n{% for s in servers %}SErvername {{ s.name }}\n', J2);
    const ssl = option(doc, 0);
    assert.deepEqual(
      [ssl.name.text, ssl.name.start, ssl.option?.name, ssl.values.map((w) => w.text)],
      ['SSL', 12, 'SSL', ['yes']],
    );
    assert.equal(ssl.values[0].template, undefined, 'yes is literal');
    assert.equal(ssl.indent, '');
    const header = option(doc, 1);
    assert.equal(header.name.text, 'SErvername');
    assert.equal(doc.stanzas.length, 1, 'a loop opens a stanza');
  });

  it('a placeholder option name resolves to no option; a word glued to a tag holds template syntax', () => {
    const { doc } = analyze('   {{ key }} {{ value }}\n   TCPPort 15{% if ssl %}43{% else %}00{% endif %}\n', J2);
    const line = option(doc, 0);
    assert.deepEqual(
      [line.name.text, line.name.template, line.option, line.resolution.kind],
      ['{{ key }}', true, undefined, 'unknown'],
    );
    assert.equal(line.indent, '   ');
    assert.deepEqual(
      option(doc, 1).values.map((w) => [w.text, w.template]),
      [['15{% if ssl %}43{% else %}00', true]],
    );
  });

  it('{% raw %} keeps its content literal; a quoted "%}" does not end a tag', () => {
    const { doc } = analyze('{% raw %}\nSCHEDMODE PROMPTED {{ x }}\n{% endraw %}\nNODename {{ "%}" ~ host }}\n', J2);
    assert.equal(option(doc, 1).values[1].template, undefined, 'inside raw, {{ is text');
    assert.deepEqual(
      option(doc, 3).values.map((w) => w.text),
      ['{{ "%}" ~ host }}'],
    );
  });

  it('a tag never closed ends with its line', () => {
    const { doc } = analyze('SErvername a\n   TCPPort {{ port\n   SCHEDMODE POLLING\n', J2);
    assert.equal(option(doc, 1).values[0].template, true);
    assert.equal(option(doc, 2).option?.name, 'SCHEDMODe');
  });
});

describe('templates: bounds', () => {
  it('stray end tags are ignored; blocks nested past 64 are not told apart, and their tags still pair up', () => {
    const text =
      '{% endif %}\n{% else %}\n' +
      '{% if a %}\n'.repeat(70) +
      'SErvername x\n   SCHEDMODE POLLING\n' +
      '{% endif %}\n'.repeat(70) +
      '{% if b %}\n{% endif %}\n';
    const { doc } = analyze(text, J2);
    const blocks = doc.template!.blocks;
    assert.equal(blocks.length, 65, '64 nested, then the one after them');
    assert.deepEqual(
      [blocks[63].line, blocks[63].endLine],
      [65, 80],
      'the 64th closes at its own endif, after the six ignored ones',
    );
    assert.equal(doc.template!.frames[72]?.depth, 64, 'the stanza counts as in the deepest block told apart');
    assert.equal(doc.template!.frames[doc.lineCount - 1], undefined, 'after all the endifs, outside every block');
    assert.deepEqual(problems(text), []);
  });
});

describe('templates: ERB and EPP', () => {
  it('ERB: <%= %> placeholders, <% %> / <%- -%> control lines, <%# %> comments, <%% literal', () => {
    const text = [
      '<%# Puppet template -%>',
      'SErvername  <%= @server %>',
      '<% if @password == "UNSET" -%>',
      '   PASSWORDAccess generate',
      '<%- else -%>',
      '   PASSWORD <%= @password %>',
      '<% end -%>',
      '   PRESCHEDULECMD "echo <%% done"',
      '',
    ].join('\n');
    const { doc } = analyze(text, ERB);
    assert.deepEqual(
      doc.byLine.map((e) => e?.kind ?? null),
      ['template', 'option', 'template', 'option', 'template', 'option', 'template', 'option', null],
    );
    assert.equal(option(doc, 1).values[0].template, true);
    assert.equal(option(doc, 7).values[0].template, undefined, '<%% is a literal <%');
    assert.deepEqual(
      doc.template?.blocks.map((b) => [b.kind, b.line, b.endLine, b.branches, b.hasElse]),
      [['if', 2, 6, 2, true]],
    );
  });

  it('ERB: each do |x|, unless, case/when, and brace blocks open blocks; end and } close them', () => {
    const text =
      '<% @list.each do |x| -%>\n<% end %>\n<% unless @a %>\n<% end %>\n<% case @os when "aix" %>\n<% when "linux" %>\n<% else %>\n<% end %>\n<% @h.each { |k, v| %>\n<% } %>\n<% x = y if z %>\n';
    const { doc } = analyze(text, ERB);
    assert.deepEqual(
      doc.template?.blocks.map((b) => [b.kind, b.line, b.endLine, b.branches]),
      [
        ['loop', 0, 1, 1],
        ['if', 2, 3, 1],
        ['if', 4, 7, 3],
        ['loop', 8, 9, 1],
      ],
    );
  });

  it('EPP: if { } elsif { } else { }, unless, and $list.each |$x| { }', () => {
    const text =
      '<% if $ssl { -%>\n  SSL yes\n<% } elsif $tls { -%>\n  SSL yes\n<% } else { -%>\n  SSL no\n<% } -%>\n<% $domains.each |$d| { -%>\n  DOMain <%= $d %>\n<% } -%>\n';
    const { doc } = analyze(text, EPP);
    assert.deepEqual(
      doc.template?.blocks.map((b) => [b.kind, b.line, b.endLine, b.branches, b.hasElse]),
      [
        ['if', 0, 6, 3, true],
        ['loop', 7, 9, 1, false],
      ],
    );
    assert.deepEqual(
      problems(`SErvername a\n  SCHEDMODE POLLING\n${text}`, EPP),
      [],
      'SSL in three branches is no duplicate',
    );
  });
});

describe('templates: what placeholders mean to the checks', () => {
  it('a control line is not an option, and a placeholder value is judged by no value check', () => {
    const text = STANZA(
      '{% if tsm_ssl %}\n   TCPPort {{ tsm_port }}\n   SSL {{ tsm_ssl | ternary("yes", "no") }}\n   QUERYSCHedperiod {{ tsm_hours }}\n{% endif %}\n',
    );
    assert.deepEqual(problems(text), []);
  });

  it('a placeholder option name is never unknown, a duplicate, or outside a stanza; it may be the stanza header', () => {
    const text =
      '{% for key, value in tsm_global.items() %}\n{{ key }} {{ value }}\n{% endfor %}\n   TCPPort 1500\n   NODename db01\n   {{ key }} x\n   {{ key }} y\n';
    assert.deepEqual(problems(text), []);
    // Without the placeholder line, the same literal lines stand outside any stanza.
    assert.deepEqual(problems('   TCPPort 1500\n   NODename db01\n'), [
      'option-outside-stanza 1 error',
      'option-outside-stanza 2 error',
    ]);
  });

  it('a placeholder stanza name is never a duplicate nor an unknown server; a loop opens the stanzas', () => {
    const text =
      'DEFAULTServer {{ tsm_default }}\nDEFAULTServer2 x\n{% for s in servers %}SErvername {{ s.name }}\n   TCPServeraddress {{ s.address }}\n   SCHEDMODe POLLING\n{% endfor %}\nSErvername {{ other }}\n   SCHEDMODe POLLING\n';
    assert.deepEqual(problems(text), ['unknown-option 2 warning']);
    const literal = 'DEFAULTServer nowhere\nSErvername {{ s.name }}\n   SCHEDMODe POLLING\n';
    assert.deepEqual(problems(literal), [], 'a literal DEFAULTServer may name a stanza a placeholder names');
  });

  it('a template dsm.opt is not checked against the dsm.sys beside it: it is rendered beside another one', () => {
    const svc = service(undefined, {
      workspace: memoryWorkspace({
        'file:///etc/dsm.sys': 'SErvername alpha\n',
        'file:///roles/tsm/templates/dsm.sys': 'SErvername alpha\n',
      }),
    });
    assert.deepEqual(problems('SErvername beta\n', 'file:///etc/dsm.opt', svc), ['unknown-server 1 warning']);
    assert.deepEqual(problems('SErvername beta\n', OPT_J2, svc), []);
  });

  it('options in different branches of one if/elif/else (or unless) are not duplicates', () => {
    const jinja = STANZA(
      '{% if a %}\n   TCPPort 1543\n{% elif b %}\n   TCPPort 1544\n{% else %}\n   TCPPort 1500\n{% endif %}\n',
    );
    assert.deepEqual(problems(jinja), []);
    const erb = STANZA('<% unless @ssl -%>\n   TCPPort 1500\n<% else -%>\n   TCPPort 1543\n<% end -%>\n');
    assert.deepEqual(problems(erb, ERB), []);
    const forElse = STANZA('{% for p in ports %}\n   TCPPort {{ p }}\n{% else %}\n   TCPPort 1500\n{% endfor %}\n');
    assert.deepEqual(problems(forElse), [], 'a loop and its else');
  });

  it('duplicates that depend on a branch: a warning when the later line always comes with the earlier, else information', () => {
    const overridden = STANZA('{% if a %}\n   TCPPort 1543\n{% endif %}\n   TCPPort 1500\n');
    assert.deepEqual(
      problems(overridden),
      ['duplicate-option 5 warning'],
      'whenever 1543 is rendered, 1500 follows and wins',
    );
    const maybe = STANZA('   TCPPort 1500\n{% if a %}\n   TCPPort 1543\n{% endif %}\n');
    assert.deepEqual(problems(maybe), ['duplicate-option 4 information'], 'only when a holds');
    const svc = service();
    const titles = allActions(svc, analyze(maybe, J2, svc).doc).map((a) => a.title);
    assert.ok(
      !titles.some((t) => t.startsWith('Remove')),
      `no removal of a line needed where a does not hold: ${titles.join(' | ')}`,
    );
    const stanzas = '{% if a %}\nSErvername x\n   SCHEDMODE POLLING\n{% endif %}\nSErvername x\n   SCHEDMODE POLLING\n';
    assert.deepEqual(problems(stanzas), ['duplicate-stanza 5 information']);
    const same = STANZA('{% if a %}\n   TCPPort 1543\n   TCPPort 1544\n{% endif %}\n');
    assert.deepEqual(problems(same), ['duplicate-option 5 warning'], 'the same branch: certain');
  });

  it('what depends on a placeholder stays at information, even when the user raises the code to error', () => {
    const svc = service({ severity: { 'duplicate-option': 'error' } });
    const maybe = STANZA('   TCPPort 1500\n{% if a %}\n   TCPPort 1543\n{% endif %}\n');
    assert.deepEqual(problems(maybe, J2, svc), ['duplicate-option 4 information']);
    assert.deepEqual(
      problems(STANZA('   TCPPort 1500\n   TCPPort 1543\n'), J2, svc),
      ['duplicate-option 4 error'],
      'a certain one follows the setting',
    );
    const off = service({ severity: { 'duplicate-option': 'off' } });
    assert.deepEqual(problems(maybe, J2, off), [], 'and off is off');
  });

  it('alternative stanza headers in the branches of one if are not duplicates, and the options after them belong to each', () => {
    const text =
      '{% if prod %}\nSErvername main\n   TCPServeraddress bucky2.doit.wisc.edu\n{% else %}\nSErvername main\n   TCPServeraddress bl1.doit.wisc.edu\n   TCPPort 1501\n{% endif %}\n   SCHEDMODe POLLING\n';
    assert.deepEqual(problems(text), []);
    const { doc } = analyze(text, J2);
    assert.deepEqual(
      doc.stanzas.map((s) => [s.header.line, s.options.map((o) => o.line)]),
      [
        [1, [2, 8]],
        [4, [5, 6, 8]],
      ],
    );
  });
});

describe('templates: what stays checked', () => {
  it('a literal SCHEDMODE PROMPTED is a warning with its fix, which edits only the word', () => {
    const text =
      '* {{ ansible_managed }}\nSErvername {{ name }}\n   TCPServeraddress {{ address }}\n   SCHEDMODE PROMPTED\n';
    assert.equal(withPreferredFix(text, 'schedmode-prompted 4 warning'), text.replace('PROMPTED', 'POLLING'));
  });

  it('a misspelt literal option name is still unknown, a literal bad value still invalid', () => {
    const text = STANZA('{% if a %}\n   TCPPrt 1500\n   PASSWORDAccess sometimes\n{% endif %}\n');
    assert.deepEqual(problems(text), ['unknown-option 5 warning', 'invalid-value 6 error']);
  });

  it('a placeholder that names PROMPTED as its default is reported at information, without a fix', () => {
    const text = "SErvername a\n   SCHEDMODE {{ mode | default('prompted') }}\n";
    const svc = service();
    const { doc } = analyze(text, J2, svc);
    assert.deepEqual(problems(text), ['schedmode-prompted 2 information']);
    assert.deepEqual(
      allActions(svc, doc).filter((a) => a.edit && !a.title.startsWith('Ignore')),
      [],
    );
  });

  it('tcpport-mismatch: never across exclusive branches; at information when the address is only sometimes there', () => {
    const exclusive =
      'SErvername a\n   SCHEDMODE POLLING\n{% if x %}\n   TCPServeraddress bucky5.doit.wisc.edu\n{% else %}\n   TCPPort 1500\n{% endif %}\n';
    assert.deepEqual(problems(exclusive), []);
    const sometimes =
      'SErvername a\n   SCHEDMODE POLLING\n{% if x %}\n   TCPServeraddress bucky5.doit.wisc.edu\n{% endif %}\n   TCPPort 1500\n';
    assert.deepEqual(problems(sometimes), ['tcpport-mismatch 6 information']);
    const always =
      'SErvername a\n   SCHEDMODE POLLING\n   TCPServeraddress bucky5.doit.wisc.edu\n{% if x %}\n   TCPPort 1500\n{% endif %}\n';
    assert.deepEqual(
      problems(always),
      ['tcpport-mismatch 5 warning'],
      'whenever this port is rendered, so is the address',
    );
    const placeholder =
      'SErvername a\n   SCHEDMODE POLLING\n   TCPServeraddress bucky5.doit.wisc.edu\n   {{ extra }}\n';
    assert.deepEqual(problems(placeholder), [], 'TCPPORT may come from the placeholder');
  });

  it('hints stay quiet where branches or placeholders may hold what they look for', () => {
    const prompted =
      'SErvername a\n{% if p %}\n   SCHEDMODE PROMPTED\n{% else %}\n   SCHEDMODE POLLING\n{% endif %}\n   TCPCLIENTPort 1501\n';
    assert.deepEqual(problems(prompted), ['schedmode-prompted 3 warning'], 'TCPCLIENTPORT matters in one branch');
    const generate = 'SErvername a\n   SCHEDMODE POLLING\n   MANAGEDServices schedule\n   {{ key }} {{ value }}\n';
    assert.deepEqual(problems(generate), []);
    assert.deepEqual(problems('SErvername a\n   SCHEDMODE POLLING\n   MANAGEDServices schedule\n'), [
      'scheduler-needs-generate 3 information',
    ]);
  });
});

describe('templates: schedmode-missing', () => {
  it('a template stanza without SCHEDMODE is warned, and the fix adds it after a literal line of the stanza itself', () => {
    const text =
      '{% for s in servers %}SErvername {{ s.name }}\n   TCPServeraddress {{ s.address }}\n   NODename db01\n{% if ssl %}\n   SSL yes\n{% endif %}\n{% endfor %}\n';
    const fixed = withPreferredFix(text, 'schedmode-missing 1 warning');
    assert.equal(
      fixed,
      text.replace('   NODename db01\n', '   NODename db01\n   SCHEDMODE POLLING\n'),
      'after NODename, not in the branch',
    );
    assert.deepEqual(problems(fixed), []);
  });

  it('no fix where no literal line of the stanza can hold it', () => {
    const text = '{% for s in servers %}SErvername {{ s.name }}\n{% endfor %}\n';
    const svc = service();
    const { doc } = analyze(text, J2, svc);
    assert.deepEqual(problems(text), ['schedmode-missing 1 warning']);
    assert.deepEqual(
      allActions(svc, doc)
        .filter((a) => a.edit && !a.title.startsWith('Ignore'))
        .map((a) => a.title),
      [],
    );
  });

  it('set in every branch of an if/else: nothing; in an if without else: information; maybe from a placeholder: nothing', () => {
    const every = 'SErvername a\n{% if p %}\n   SCHEDMODE PROMPTED\n{% else %}\n   SCHEDMODE POLLING\n{% endif %}\n';
    assert.deepEqual(problems(every), ['schedmode-prompted 3 warning']);
    const some = 'SErvername a\n{% if p %}\n   SCHEDMODE POLLING\n{% endif %}\n';
    assert.deepEqual(problems(some), ['schedmode-missing 1 information']);
    const nested =
      'SErvername a\n{% if p %}\n{%   if q %}\n   SCHEDMODE POLLING\n{%   else %}\n   SCHEDMODE POLLING\n{%   endif %}\n{% else %}\n   SCHEDMODE POLLING\n{% endif %}\n';
    assert.deepEqual(problems(nested), []);
    const loop = 'SErvername a\n{% for x in y %}\n   SCHEDMODE POLLING\n{% endfor %}\n';
    assert.deepEqual(problems(loop), ['schedmode-missing 1 information'], 'a loop may run no time');
    const placeholder = 'SErvername a\n<%= @options %>\n';
    assert.deepEqual(problems(placeholder, ERB), []);
  });

  it('a complete (Windows) dsm.opt template follows the same rule', () => {
    assert.deepEqual(
      problems('TCPServeraddress <%= @server %>\nNODename <%= @node %>\n', 'file:///c/dsm_win.opt.erb'),
      ['schedmode-missing 1 warning'],
    );
    assert.deepEqual(problems('TCPServeraddress <%= @server %>\n<%= @extra %>\n', 'file:///c/dsm_win.opt.erb'), []);
  });
});

describe('templates: quick fixes never edit template syntax', () => {
  it('no fix that would delete or rewrite a line holding tags', () => {
    const text = STANZA('{% if a %}TCPPort 1543{% endif %}\n   TCPPort 1500\n   # note\n');
    const svc = service();
    const { doc } = analyze(text, J2, svc);
    assert.deepEqual(problems(text), ['duplicate-option 4 warning', 'hash-comment 6 hint']);
    const titles = allActions(svc, doc).map((a) => a.title);
    assert.ok(
      !titles.some((t) => t.startsWith('Remove this ignored')),
      `no removal of the tagged line: ${titles.join(' | ')}`,
    );
    assert.ok(titles.includes('Use * for this comment'), 'a literal # comment keeps its fix');
  });

  it('over the whole template corpus, no edit of any fix touches template syntax', () => {
    const root = path.join(__dirname, '..', '..', '..', 'test', 'corpus', 'templates');
    const files = fs
      .readdirSync(root)
      .flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
    const svc = service();
    let checked = 0;
    for (const file of files) {
      // Each line with a mistake added in front of it, so that every rule has something to fix.
      const text = fs
        .readFileSync(file, 'utf8')
        .replace(/^(?=[^\n]*\S)/gm, '   SCHEDMODE PROMPTED\n   TCPPort 99999\n');
      const { doc } = analyze(text, `file:///c/${path.basename(file)}`, svc);
      for (const a of allActions(svc, doc)) {
        for (const e of Object.values(a.edit?.changes ?? {}).flat()) {
          checked++;
          assert.ok(
            !touchesTemplate(doc.template!.spans, e.range),
            `${path.basename(file)}: "${a.title}" edits ${JSON.stringify(e.range)}: ${JSON.stringify(textAt(text, e.range))}`,
          );
        }
      }
    }
    assert.ok(checked > 100, `${checked} edits checked`);
  });
});

describe('templates: hover, completion, outline, folding', () => {
  const text =
    '{% for s in servers %}\nSErvername {{ s.name }}\n   TCPPort {{ s.port }}\n   SCHEDMODE POLLING\n{% if s.ssl %}\n   SSL yes\n{% endif %}\n{% endfor %}\n';

  it('hover explains a placeholder, and says nothing on a control line', () => {
    const svc = service();
    const { doc } = analyze(text, J2, svc);
    const h = svc.hover(doc, { line: 2, character: 14 });
    assert.match(JSON.stringify(h?.contents), /Template syntax/);
    assert.equal(svc.hover(doc, { line: 0, character: 4 }), null);
    assert.match(
      JSON.stringify(svc.hover(doc, { line: 3, character: 14 })?.contents),
      /POLLING/,
      'a literal value keeps its hover',
    );
  });

  it('completion offers nothing inside a tag or on a placeholder, and values after a literal name', () => {
    const svc = service();
    const { doc } = analyze(text, J2, svc);
    assert.deepEqual(svc.completion(doc, { line: 0, character: 5 }), []);
    assert.deepEqual(svc.completion(doc, { line: 2, character: 14 }), []);
    assert.deepEqual(svc.completion(doc, { line: 2, character: 22 }), [], 'right after the placeholder');
    assert.ok(svc.completion(doc, { line: 3, character: 14 }).some((i) => i.label === 'POLLING'));
  });

  it('the outline shows options, not control lines; if/for blocks fold, inside the stanza folding', () => {
    const svc = service();
    const { doc } = analyze(text, J2, svc);
    const [stanza] = svc.documentSymbols(doc);
    assert.equal(stanza.name, '{{ s.name }}');
    assert.deepEqual(
      stanza.children?.map((c) => c.name),
      ['TCPPORT', 'SCHEDMODE', 'SSL'],
    );
    assert.deepEqual(
      svc.foldingRanges(doc).map((r) => [r.startLine, r.endLine]),
      [
        [1, 6],
        [0, 6],
        [4, 5],
      ],
    );
  });
});

describe('templates: line-by-line re-parsing', () => {
  it('an edit of a literal line re-reads that line alone; one that adds or removes a tag reads the whole template again', () => {
    const svc = service();
    const text = 'SErvername a\n   SCHEDMODE POLLING\n   TCPPort 1500\n{% if x %}\n   SSL yes\n{% endif %}\n';
    const doc = svc.parse(text, J2);
    const edit = (line: number, newLine: string) => {
      const lines = text.split('\n');
      lines[line] = newLine;
      const next = lines.join('\n');
      const start = next.split('\n').slice(0, line).join('\n').length + (line ? 1 : 0);
      return { next, re: svc.reparse(doc, next, new Map([[line, start]])) };
    };
    const literal = edit(2, '   TCPPort 1501');
    assert.equal(literal.re.template, doc.template, 'the template structure is kept');
    assert.equal(option(literal.re, 2).values[0].text, '1501');
    const opened = edit(2, '{% if y %}');
    assert.notEqual(opened.re.template, doc.template, 'read again');
    assert.deepEqual(
      opened.re.template?.blocks.map((b) => b.line),
      [2, 3],
    );
    assert.equal(svc.diagnostics(opened.re).length, svc.diagnostics(svc.parse(opened.next, J2)).length);
    const removed = edit(3, '   SSL no');
    assert.deepEqual(removed.re.template?.blocks, [], 'the block is gone');
    assert.deepEqual(problems(removed.next), ['duplicate-option 4 warning']);
  });

  it('a plain file pays nothing: no template information, the same entries as before; $ and braces are its literal text', () => {
    const { doc } = analyze('SErvername a\n   TCPPort ${x}\n   EXCLUDE.DIR C:\\$Recycle.Bin\n', 'file:///etc/dsm.sys');
    assert.equal(doc.template, undefined);
    assert.deepEqual(
      option(doc, 1).values.map((w) => [w.text, w.template]),
      [['${x}', undefined]],
    );
  });
});
