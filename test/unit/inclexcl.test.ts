/** Include-exclude files: recognised by name and as INCLExcl targets, IBM's pattern rules, the processing order, hover and completion. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeAction, Position } from 'vscode-languageserver-types';
import { detectFileKind, isInclExclName } from '../../server/src/parser/fileKind';
import {
  STATEMENT_NAMES,
  isManagementClassName,
  levels,
  matchesEverything,
  patternPlatform,
  statementOf,
  wildcardProblems,
} from '../../server/src/model/inclexcl';
import { builtinOptionTable } from '../../server/src/model/optionTable';
import { DsmLanguageService } from '../../server/src/service/languageService';
import { toPlainText } from '../../server/src/service/markup';
import { analyze, applyEdits, memoryWorkspace, textAt } from './helpers';

const LIST = 'file:///etc/tsm/backup.excl';

/** The diagnostics of an include-exclude file: [code, line, the text they cover]. */
function found(text: string, uri = LIST, svc?: DsmLanguageService): [string, number, string][] {
  const { doc, svc: s } = analyze(text, uri, svc);
  return s.diagnostics(doc).map((d) => [String(d.code), d.range.start.line, textAt(text, d.range)]);
}

function only(code: string, text: string, uri = LIST, svc?: DsmLanguageService): [number, string][] {
  return found(text, uri, svc)
    .filter(([c]) => c === code)
    .map(([, line, covered]) => [line, covered]);
}

function fixesFor(text: string, code: string): CodeAction[] {
  const { doc, svc } = analyze(text, LIST);
  const diagnostics = svc.diagnostics(doc).filter((d) => d.code === code);
  return diagnostics
    .flatMap((d) => svc.codeActions(doc, d.range, { diagnostics: [d] }))
    .filter((a) => !a.title.startsWith('Ignore'));
}

describe('include-exclude files: recognition', () => {
  it('knows them by name, without regard to case, templates included', () => {
    const named = [
      'inclexcl.def',
      'InclExcl.redhat',
      'dsm.inclexcl-TEMP.j2',
      'incl_excl.lst.j2',
      'incexcl.j2',
      'backup.excl',
      'tsm.exclude.j2',
      'site.INCLUDE',
      'x.incl',
      'dsm-inclexcl.backup.erb',
    ];
    for (const name of named) assert.equal(isInclExclName(`file:///t/${name}`), true, name);
    for (const name of ['dsm.sys', 'dsm.opt', 'exclude.txt', 'include.conf', 'excl', 'dsm.sys.j2'])
      assert.equal(isInclExclName(`file:///t/${name}`), false, name);
  });

  it('reads a file an INCLExcl option names as one, whatever its name; dsm.sys and dsm.opt keep their kind', () => {
    assert.equal(detectFileKind('file:///etc/tsm/list.txt', [], 'auto', [], true), 'inclexcl');
    assert.equal(detectFileKind('file:///etc/tsm/dsm.opt', [], 'auto', [], true), 'opt-unix');
    assert.equal(detectFileKind('file:///etc/tsm/list.txt', [], 'auto'), 'opt-unix');
    assert.equal(detectFileKind('file:///etc/inclexcl/dsm.sys', [], 'auto'), 'sys');
    const svc = new DsmLanguageService({
      workspace: memoryWorkspace({ 'file:///etc/tsm/dsm.sys': 'SErvername a\n  INCLExcl /etc/tsm/list.txt\n' }),
    });
    assert.equal(svc.parse('EXCLUDE.DIR /proc\n', 'file:///etc/tsm/list.txt').fileKind, 'inclexcl');
    assert.equal(svc.parse('EXCLUDE.DIR /proc\n', 'file:///etc/tsm/other.txt').fileKind, 'opt-unix');
  });

  it('lists every INCLUDE and EXCLUDE form of the option table, and nothing else', () => {
    const forms = builtinOptionTable()
      .options.map((o) => o.name.toUpperCase())
      .filter((n) => /^(INCLUDE|EXCLUDE)/.test(n));
    assert.deepEqual([...STATEMENT_NAMES].sort(), forms.sort());
    assert.equal(statementOf(builtinOptionTable().lookup('INCLExcl')), undefined);
  });
});

describe('include-exclude files: only statements belong', () => {
  it('reports any other option as wrong-file, and nothing on the statements', () => {
    const text = 'EXCLUDE.DIR /proc\nexclude.fs /tmp\nSCHEDMODE POLLING\nINCLUDE /home/.../* MC_HOME\n';
    assert.deepEqual(found(text), [['wrong-file', 2, 'SCHEDMODE']]);
    const { doc, svc } = analyze(text, LIST);
    assert.match(svc.diagnostics(doc)[0].message as string, /only INCLUDE and EXCLUDE statements/);
  });

  it('a statement without a pattern needs one', () => {
    assert.deepEqual(found('EXCLUDE.DIR\n'), [['invalid-value', 0, 'EXCLUDE.DIR']]);
  });
});

describe('patterns as IBM documents them', () => {
  it('pattern-blank-unquoted: a path cut at a blank, fixed by quoting the whole pattern', () => {
    const text = 'EXCLUDE /data/my dir/*\nINCLUDE C:\\Program Files\\x\\* MC_A\nEXCLUDE.DIR "/data/my dir"\n';
    assert.deepEqual(only('pattern-blank-unquoted', text), [
      [0, '/data/my dir/*'],
      [1, 'C:\\Program Files\\x\\*'],
    ]);
    const [fix] = fixesFor(text, 'pattern-blank-unquoted');
    assert.equal(fix.isPreferred, true);
    assert.equal(applyEdits(text, fix.edit!.changes![LIST]), text.replace('/data/my dir/*', '"/data/my dir/*"'));
    // Said once: path-needs-quotes, which says it in a dsm.sys, leaves include-exclude files to this rule.
    assert.deepEqual(only('path-needs-quotes', text), []);
  });

  it('management-class: a class where none or one only may stand, and names IBM does not allow', () => {
    const text =
      'EXCLUDE /tmp/* MC_TMP\nINCLUDE /x/* MC1 MC2\nINCLUDE /y/* MC#1\nINCLUDE /z/* ' +
      'M'.repeat(31) +
      '\nINCLUDE /ok/* Mc.1+2&x-y_z\n';
    assert.deepEqual(only('management-class', text), [
      [0, 'MC_TMP'],
      [1, 'MC1'],
      [2, 'MC#1'],
      [3, 'M'.repeat(31)],
    ]);
    assert.equal(isManagementClassName('DEFAULT_MC'), true);
  });

  it('takes option=value words where IBM documents them', () => {
    assert.deepEqual(
      found('INCLUDE.DEDUP /data/.../* ieobjtype=file\nINCLUDE.FS /home memoryefficientbackup=diskcachemethod\n'),
      [],
    );
  });

  it('pattern-unbalanced-quote: a quote never closed, closed by the fix', () => {
    const text = 'EXCLUDE.DIR "/var/cache\n';
    assert.deepEqual(only('pattern-unbalanced-quote', text), [[0, '"/var/cache']]);
    const [fix] = fixesFor(text, 'pattern-unbalanced-quote');
    assert.equal(applyEdits(text, fix.edit!.changes![LIST]), 'EXCLUDE.DIR "/var/cache"\n');
  });

  it('pattern-wildcard: ... as part of a name, an unclosed class, an escape outside a class', () => {
    const text =
      'EXCLUDE /home/...*\nEXCLUDE /var/log[0-9/x\nEXCLUDE /usr1/fi\\*le1\nEXCLUDE "/usr1/fi[\\*]le1"\nEXCLUDE.DIR "/usr1/[\\[]dir2[\\]]"\nEXCLUDE /.../core\nEXCLUDE /x/file...txt\n';
    assert.deepEqual(only('pattern-wildcard', text), [
      [0, '...*'],
      [1, '['],
      [2, '\\*'],
    ]);
    assert.deepEqual(
      wildcardProblems('C:\\dir[\\[]x\\*.obj', 'windows'),
      [],
      'on Windows \\ is the delimiter, and escapes inside a class',
    );
  });

  it('pattern-star-dot-star: *.* leaves out names without a dot (a hint)', () => {
    const { doc, svc } = analyze('EXCLUDE /tmp/.../*.*\nEXCLUDE /tmp/x.*\n', LIST);
    const d = svc.diagnostics(doc);
    assert.deepEqual(
      d.map((x) => [x.code, x.range.start.line, x.severity]),
      [['pattern-star-dot-star', 0, 4]],
    );
  });

  it('pattern-platform: a Windows path in a UNIX file and the reverse, the platform from the file that names it, else from most patterns', () => {
    const mixed = 'EXCLUDE /tmp/*\nEXCLUDE /var/tmp/*\nEXCLUDE C:\\Temp\\*\n';
    assert.deepEqual(only('pattern-platform', mixed), [[2, 'C:\\Temp\\*']]);
    assert.deepEqual(
      only('pattern-platform', 'EXCLUDE /tmp/*\nEXCLUDE C:\\Temp\\*\n'),
      [],
      'one of each: no majority, no finding',
    );
    const windows = new DsmLanguageService({
      workspace: memoryWorkspace({ 'file:///c%3A/tsm/dsm.opt': 'TCPServeraddress x\nINCLExcl c:\\tsm\\backup.excl\n' }),
    });
    assert.deepEqual(
      only('pattern-platform', 'EXCLUDE /tmp/*\nEXCLUDE.FS.NAS */vol/vol1\n', 'file:///c%3A/tsm/backup.excl', windows),
      [[0, '/tmp/*']],
    );
    const unix = new DsmLanguageService({
      workspace: memoryWorkspace({ 'file:///etc/tsm/dsm.sys': 'SErvername a\n  INCLExcl backup.excl\n' }),
    });
    const { doc } = analyze('EXCLUDE \\\\server\\share\\x\n', LIST, unix);
    const [d] = unix.diagnostics(doc);
    assert.equal(d.code, 'pattern-platform');
    assert.match(d.message as string, /a dsm\.sys names it/);
  });

  it('leaves template expressions, VM names and NAS file systems to themselves', () => {
    assert.deepEqual(
      found(
        'EXCLUDE {{ item }}\nEXCLUDE.DIR <%= @dir %> x\nINCLUDE.VM "my vm" MC\nEXCLUDE.VMDISK vm1 "Hard Disk 1"\nEXCLUDE.FS.NAS */vol/vol1\n',
      ),
      [],
    );
  });

  it('facts of patterns: platforms, levels, patterns that match everything', () => {
    assert.deepEqual(['/x', '?:\\x', '*:\\x', 'c:\\x', '\\\\srv\\d$\\x', '*.o', '{/fs}/x'].map(patternPlatform), [
      'unix',
      'windows',
      'windows',
      'windows',
      'windows',
      undefined,
      'unix',
    ]);
    assert.deepEqual(levels('/var/log/', 'unix'), ['', 'var', 'log']);
    assert.deepEqual(levels('C:\\Data\\[\\[]x\\', 'windows'), ['c:', 'data', '[\\[]x']);
    assert.deepEqual(['/.../*', '?:\\...\\*', '*:\\...\\*', '/...', '*', '/home/.../*'].map(matchesEverything), [
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("statement-never-applies: IBM's processing order", () => {
  it('an INCLUDE under an EXCLUDE.DIR (or EXCLUDE.FS) never takes effect for backup, wherever each stands', () => {
    const text =
      'INCLUDE /usr/local/bin/* MC\nEXCLUDE.DIR /usr\nINCLUDE /.../*.o\nEXCLUDE.FS /scratch/\nINCLUDE.BACKUP /scratch/keep/*\nINCLUDE.ARCHIVE /usr/x/*\n';
    assert.deepEqual(only('statement-never-applies', text), [
      [0, '/usr/local/bin/*'],
      [4, '/scratch/keep/*'],
    ]);
    const { doc, svc } = analyze(text, LIST);
    const d = svc.diagnostics(doc).find((x) => x.code === 'statement-never-applies')!;
    assert.match(d.message as string, /EXCLUDE\.DIR \/usr \(line 2\)/);
    assert.deepEqual(d.tags, [1], 'shown as unnecessary');
  });

  it('a statement above a lower one that matches the same files for the same operations: read bottom up, the lower one wins', () => {
    const text =
      'EXCLUDE /tmp/*\nINCLUDE /home/.../* MC_A\nEXCLUDE.ARCHIVE /data/*\nINCLUDE /data/* MC_B\nEXCLUDE /tmp/*\nINCLUDE /home/.../* MC_C\n';
    assert.deepEqual(only('statement-never-applies', text), [
      [0, '/tmp/*'],
      [1, '/home/.../*'],
      [2, '/data/*'],
    ]);
  });

  it('a catch-all at the bottom shadows what it decides, not what it does not: an archive statement stays alive under EXCLUDE /.../*', () => {
    const text = 'INCLUDE /home/.../* MC_HOME\nEXCLUDE.BACKUP /var/*\nINCLUDE.ARCHIVE /proj/* MC_7Y\nEXCLUDE /.../*\n';
    assert.deepEqual(only('statement-never-applies', text), [[1, '/var/*']]);
    assert.deepEqual(
      only(
        'statement-never-applies',
        'INCLUDE ?:\\...\\* MC_DEFAULT\nEXCLUDE ?:\\...\\*.tmp\nexclude c:\\temp\\*\nEXCLUDE C:\\TEMP\\*\n',
      ),
      [[2, 'c:\\temp\\*']],
    );
  });

  it("is silent on IBM's own examples", () => {
    assert.deepEqual(found('EXCLUDE.DIR /usr\nINCLUDE /.../*.o\n'), []);
    assert.deepEqual(found('EXCLUDE /usr/.../*\nINCLUDE /.../*.o\n'), []);
    assert.deepEqual(found('INCLUDE.ARCHIVE /home/test/* archmc\nINCLUDE.BACKUP /home/test/*\n'), []);
  });
});

describe('include-exclude files: hover and completion', () => {
  const text = 'EXCLUDE.DIR /proc\nINCLUDE /home/.../*.[ch] MC_SRC\n';

  function hoverText(line: number, character: number): string {
    const { doc, svc } = analyze(text, LIST);
    const h = svc.hover(doc, Position.create(line, character));
    return h ? toPlainText((h.contents as { value: string }).value) : '';
  }

  it('explains each statement and the processing order', () => {
    const dir = hoverText(0, 3);
    assert.match(dir, /EXCLUDE\.DIR/);
    assert.match(dir, /Processed first/);
    assert.match(dir, /Processing order/);
    assert.match(hoverText(1, 2), /read from the bottom up/);
    assert.match(hoverText(1, 2), /management class may follow/);
  });

  it('explains the wildcards of a pattern and the management class', () => {
    const pattern = hoverText(1, 12);
    assert.match(pattern, /\.\.\. matches any number of directories/);
    assert.match(pattern, /\* matches any characters/);
    assert.match(pattern, /\[\.\.\.\] matches one character/);
    assert.match(hoverText(1, 28), /Management class MC_SRC/);
  });

  it('offers only the statements, and no stanza snippets', () => {
    const { doc, svc } = analyze('EXCLUDE.DIR /proc\n\n', LIST);
    const labels = svc.completion(doc, Position.create(1, 0)).map((i) => i.label);
    assert.ok(
      labels.includes('EXCLUDE.DIR') && labels.includes('INCLUDE') && labels.includes('INCLUDE.ENCRYPT'),
      labels.join(' '),
    );
    assert.ok(
      labels.every((l) => /^(INCLUDE|EXCLUDE)/.test(l)),
      labels.join(' '),
    );
  });
});
