/**
 * The include-exclude simulator, held to IBM's documented examples and to
 * cases that tell its rules apart: order, EXCLUDE.DIR over INCLUDE, `...`
 * matching no directory, `*` within one level, `?`, classes and their escape,
 * case on Windows and UNIX, management classes, backup against archive, and a
 * dsm.sys stanza with its INCLEXCL file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { service } from './helpers';
import { ExplainOptions, ListFile, explainPaths } from '../../server/src/service/features/explain';
import type { Explanation as Base } from '../../server/src/model/inclexclSimulator';

type Explanation = Base & { stanza?: string };
import { matchesPattern } from '../../server/src/model/inclexclMatch';
import { explainCommand } from '../../server/src/session/explain';

const svc = service();

function file(lines: string[], uri: string): ListFile {
  const text = lines.join('\n');
  return { doc: svc.parse(text, uri), text };
}

function explain(
  lines: string[],
  paths: string[],
  options: ExplainOptions = {},
  uri = 'file:///etc/tsm/inclexcl.excl',
  files = new Map<string, ListFile>(),
): Explanation[] {
  const r = explainPaths(file(lines, uri), files, paths, options);
  if ('error' in r) throw new Error(r.error);
  return r;
}

function one(lines: string[], path: string, options: ExplainOptions = {}, uri?: string): Explanation {
  return explain(lines, [path], options, uri)[0];
}

/** decision and deciding line (1-based, 0 for none). */
function verdict(e: Explanation): string {
  return `${e.decision}@${e.by ? e.by.line + 1 : 0}`;
}

describe('include-exclude simulator: IBM examples', () => {
  // IBM, "Assign a management class to files" (SSEQVQ_8.1.14 client/c_mgtc_assignclass.html).
  const winter = [
    'exclude /.../*.sno',
    'include /home/winter/.../*.ice mcweekly',
    'include /home/winter/december/*.ice mcdaily',
    'include /home/winter/january/*.ice mcmonthly',
    'include /home/winter/february/white.sno',
  ];

  it('binds each .ice file to the class of the lowest statement that matches it', () => {
    const r = explain(winter, [
      '/home/winter/december/storm.ice',
      '/home/winter/january/a.ice',
      '/home/winter/march/b.ice',
      '/home/winter/c.ice',
    ]);
    assert.deepEqual(
      r.map((e) => [verdict(e), e.managementClass]),
      [
        ['included@3', 'mcdaily'],
        ['included@4', 'mcmonthly'],
        ['included@2', 'mcweekly'],
        ['included@2', 'mcweekly'],
      ],
    );
  });

  it('excludes .sno files except white.sno in february, which keeps the default class', () => {
    const r = explain(winter, ['/home/winter/december/x.sno', '/home/winter/february/white.sno']);
    assert.deepEqual(r.map(verdict), ['excluded@1', 'included@5']);
    assert.equal(r[1].managementClass, undefined);
    assert.match(r[1].reason, /default management class/);
  });

  // IBM, "Excluding files with the EXCLUDE.DIR statement" (storage-protect 8.2.2).
  it('EXCLUDE.DIR /usr wins over include /.../*.o, in either order', () => {
    for (const lines of [
      ['exclude.dir /usr', 'include /.../*.o'],
      ['include /.../*.o', 'exclude.dir /usr'],
    ]) {
      const e = one(lines, '/usr/lib/crt1.o');
      assert.equal(e.decision, 'excluded');
      assert.equal(e.by?.text, 'exclude.dir /usr');
      assert.match(e.reason, /no INCLUDE brings it back/);
    }
  });

  it('exclude /usr/.../* with include /.../*.o below it backs up the .o files of /usr', () => {
    const lines = ['exclude /usr/.../*', 'include /.../*.o'];
    assert.deepEqual(explain(lines, ['/usr/lib/crt1.o', '/usr/lib/libc.so']).map(verdict), [
      'included@2',
      'excluded@1',
    ]);
  });

  it('on Windows: exclude.dir C:\\Users wins over include C:\\...\\*.o', () => {
    const e = one(
      ['exclude.dir C:\\Users', 'include C:\\...\\*.o'],
      'c:\\users\\me\\a.o',
      {},
      'file:///c%3A/tsm/dsm.opt',
    );
    assert.equal(verdict(e), 'excluded@1');
    assert.equal(e.platform, 'windows');
  });

  // IBM, "Include and exclude files that contain wildcard characters" (SSEQVQ_8.1.6).
  it('a class with the escape matches a literal wildcard character', () => {
    assert.equal(verdict(one(['exclude "/usr1/fi[\\*]le1"'], '/usr1/fi*le1')), 'excluded@1');
    assert.equal(verdict(one(['exclude "/usr1/fi[\\*]le1"'], '/usr1/fixle1')), 'included@0');
    assert.equal(verdict(one(['exclude.dir "/usr1/[\\[]dir2[\\]]"'], '/usr1/[dir2]/f')), 'excluded@1');
  });
});

describe('include-exclude simulator: the rules told apart', () => {
  it('reads bottom up: the lower of two matching statements decides', () => {
    assert.equal(verdict(one(['exclude /data/*', 'include /data/*'], '/data/a')), 'included@2');
    assert.equal(verdict(one(['include /data/*', 'exclude /data/*'], '/data/a')), 'excluded@2');
  });

  it('a path that nothing matches is included, by no statement', () => {
    const e = one(['exclude /tmp/*'], '/var/log/messages');
    assert.deepEqual([e.decision, e.by], ['included', null]);
  });

  it('... matches no directory at all, and several', () => {
    for (const p of ['/home/a.o', '/home/x/a.o', '/home/x/y/z/a.o'])
      assert.equal(verdict(one(['exclude /home/.../*.o'], p)), 'excluded@1', p);
    assert.equal(verdict(one(['exclude /home/.../*.o'], '/homer/a.o')), 'included@0');
  });

  it('* stays within one directory level', () => {
    assert.equal(verdict(one(['exclude /home/*'], '/home/a')), 'excluded@1');
    assert.equal(verdict(one(['exclude /home/*'], '/home/a/b')), 'included@0');
    assert.equal(verdict(one(['exclude /home/*/core'], '/home/a/b/core')), 'included@0');
  });

  it('? is one character, not the delimiter and not none', () => {
    assert.ok(matchesPattern('/ab?', '/abc', 'unix'));
    assert.ok(!matchesPattern('/ab?', '/ab', 'unix'));
    assert.ok(!matchesPattern('/ab?', '/abab', 'unix'));
    assert.ok(!matchesPattern('/a?b', '/a/b', 'unix'));
  });

  it('*.* leaves out names without a dot', () => {
    assert.ok(matchesPattern('/d/*.*', '/d/a.txt', 'unix'));
    assert.ok(!matchesPattern('/d/*.*', '/d/README', 'unix'));
  });

  it('a class and a range match one character of them', () => {
    assert.ok(matchesPattern('/x/xxx[abc]', '/x/xxxb', 'unix'));
    assert.ok(!matchesPattern('/x/xxx[abc]', '/x/xxxd', 'unix'));
    assert.ok(matchesPattern('/x/log[0-9]', '/x/log7', 'unix'));
    assert.ok(!matchesPattern('/x/log[0-9]', '/x/logx', 'unix'));
  });

  it('UNIX compares case, Windows does not', () => {
    assert.equal(verdict(one(['exclude /Data/*'], '/data/a')), 'included@0');
    assert.equal(
      verdict(one(['exclude C:\\Data\\*'], 'c:\\DATA\\A.txt', {}, 'file:///c%3A/tsm/dsm.opt')),
      'excluded@1',
    );
  });

  it("the delimiter is the platform's: / does not separate levels on Windows", () => {
    assert.ok(!matchesPattern('C:\\data\\*', 'C:\\data\\a\\b', 'windows'));
    assert.ok(matchesPattern('C:\\data\\*', 'C:\\data\\a/b', 'windows'));
  });

  it('EXCLUDE.DIR excludes the directory at any depth below it, and only below it', () => {
    const lines = ['exclude.dir /var/cache', 'include /.../*'];
    assert.deepEqual(explain(lines, ['/var/cache/a/b/c', '/var/cache2/a']).map(verdict), ['excluded@1', 'included@2']);
  });

  it('EXCLUDE.FS on UNIX excludes what is under it, and says it cannot know the mounts', () => {
    const e = one(['include /.../*', 'exclude.fs /scratch'], '/scratch/x');
    assert.equal(verdict(e), 'excluded@2');
    assert.match(e.reason, /cannot know which file systems are mounted/);
  });

  it('backup and archive read different statements', () => {
    const lines = [
      'include.archive /proj/* archmc',
      'include.backup /proj/*',
      'exclude.archive /proj/*.tmp',
      'exclude.backup /proj/*.log',
    ];
    assert.deepEqual(
      explain(lines, ['/proj/a', '/proj/a.tmp', '/proj/a.log'], { operation: 'archive' }).map((e) => [
        verdict(e),
        e.managementClass,
      ]),
      [
        ['included@1', 'archmc'],
        ['excluded@3', undefined],
        ['included@1', 'archmc'],
      ],
    );
    assert.deepEqual(explain(lines, ['/proj/a', '/proj/a.tmp', '/proj/a.log'], { operation: 'backup' }).map(verdict), [
      'included@2',
      'included@2',
      'excluded@4',
    ]);
  });

  it('a plain EXCLUDE does not keep a file out of archive', () => {
    const e = one(['exclude /proj/*'], '/proj/a', { operation: 'archive' });
    assert.equal(verdict(e), 'included@0');
    assert.match(e.alsoMatched?.[0].why ?? '', /backup only/);
  });

  it('INCLUDE.ENCRYPT and INCLUDE.COMPRESSION never decide, and are said to have matched', () => {
    const e = one(['exclude /secret/*', 'include.encrypt /secret/*', 'include.compression /secret/*'], '/secret/k');
    assert.equal(verdict(e), 'excluded@1');
    assert.deepEqual(
      e.alsoMatched?.map((m) => m.line + 1),
      [2, 3],
    );
  });
});

describe('include-exclude simulator: lists of stanzas and files', () => {
  const sys = [
    'SErvername a',
    '   TCPServeraddress a.example.org',
    '   exclude /.../*.tmp',
    '   INCLExcl /etc/tsm/a.excl',
    '   include /keep/*.tmp',
    'SErvername b',
    '   TCPServeraddress b.example.org',
    '   exclude /keep/*',
  ];
  const inclexcl = file(['exclude /keep/*', 'include /keep/x.tmp special'], 'file:///etc/tsm/a.excl');

  it('puts the INCLEXCL file in the place of its line, in the stanza asked for', () => {
    const files = new Map([['file:///etc/tsm/a.excl', inclexcl]]);
    const r = explain(
      sys,
      ['/keep/x.tmp', '/keep/y.tmp', '/keep/z', '/var/q.tmp'],
      { stanza: 'A' },
      'file:///etc/dsm.sys',
      files,
    );
    assert.deepEqual(
      r.map((e) => [e.by?.uri.endsWith('a.excl') ? 'a.excl' : 'dsm.sys', verdict(e)]),
      [
        ['dsm.sys', 'included@5'],
        ['dsm.sys', 'included@5'],
        ['a.excl', 'excluded@1'],
        ['dsm.sys', 'excluded@3'],
      ],
    );
    assert.equal(r[0].stanza, 'a');
  });

  it('another stanza has its own list', () => {
    const r = explain(sys, ['/keep/x.tmp'], { stanza: 'b' }, 'file:///etc/dsm.sys');
    assert.equal(verdict(r[0]), 'excluded@8');
  });

  it('says so when the INCLEXCL file could not be read', () => {
    const r = explain(sys, ['/keep/z'], { stanza: 'a' }, 'file:///etc/dsm.sys');
    assert.match(r[0].reason, /could not be read/);
  });

  it('asks for a stanza when a dsm.sys has several and no DEFAULTServer, and follows DEFAULTServer', () => {
    const r = explainPaths(file(sys, 'file:///etc/dsm.sys'), new Map(), ['/x']);
    assert.ok('error' in r && /several server stanzas \(a, b\)/.test(r.error));
    const d = explain(['DEFAULTServer b', ...sys], ['/keep/x.tmp'], {}, 'file:///etc/dsm.sys');
    assert.equal(d[0].stanza, 'b');
  });

  it('refuses a UNIX dsm.opt without its dsm.sys, which holds the list', () => {
    const r = explainPaths(file(['SErvername a', 'DOMain /home'], 'file:///etc/dsm.opt'), new Map(), ['/x']);
    assert.ok('error' in r && /UNIX dsm.opt holds no include-exclude list/.test(r.error));
  });
});

describe('include-exclude simulator: a UNIX dsm.opt', () => {
  it('reads the list of the stanza its SErvername selects, in the dsm.sys beside it', async () => {
    const texts: Record<string, string> = {
      'file:///etc/tsm/dsm.opt': 'SErvername second\n',
      'file:///etc/tsm/dsm.sys':
        'SErvername first\n  TCPServeraddress a\n  exclude /x/*\nSErvername second\n  TCPServeraddress b\n  include /x/* mc2\n',
    };
    const access = {
      open: () => undefined,
      read: async (u: string) => texts[u],
      parse: (t: string, u: string) => svc.parse(t, u),
      platformOf: () => undefined,
    };
    const a = await explainCommand(['file:///etc/tsm/dsm.opt', '/x/y'], access, 1e6);
    assert.ok(!('error' in a));
    assert.deepEqual(
      [a.decision, a.by?.uri, a.by?.line, a.managementClass, a.stanza],
      ['included', 'file:///etc/tsm/dsm.sys', 5, 'mc2', 'second'],
    );
    delete texts['file:///etc/tsm/dsm.sys'];
    const none = await explainCommand(['file:///etc/tsm/dsm.opt', '/x/y'], access, 1e6);
    assert.ok('error' in none && /could not be read/.test(none.error));
  });
});
