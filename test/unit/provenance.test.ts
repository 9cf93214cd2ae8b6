/** Every fact sourced: IBM's page of each option, the README's list of the others, the hover, removed options and stanza names. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { MarkupContent, Position } from 'vscode-languageserver-types';
import { builtinOptionTable, supports } from '../../server/src/model/optionTable';
import { toPlainText } from '../../server/src/service/markup';
import { analyze, applyEdits } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const table = builtinOptionTable();

function hoverText(text: string, uri: string, line = 0, character = 1): string {
  const { doc, svc } = analyze(text, uri);
  const h = svc.hover(doc, Position.create(line, character));
  assert.ok(h, text);
  return (h.contents as MarkupContent).value;
}

function codes(text: string, uri = 'file:///etc/dsm.sys'): { code: string; line: number; message: string }[] {
  const { doc, svc } = analyze(text, uri);
  return svc.diagnostics(doc).map((d) => ({
    code: String(d.code),
    line: d.range.start.line,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
}

/** The rows of the README's table of unconfirmed options: name -> reason, as a reader sees it. */
function unconfirmedRows(): Map<string, string> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Where the facts come from');
  assert.ok(start >= 0, 'the README has a section "Where the facts come from"');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const rows = new Map<string, string>();
  for (const m of section.matchAll(/^\| ([A-Z][A-Za-z0-9.-]*) \| (.*) \|$/gm))
    rows.set(m[1], m[2].replace(/\\\|/g, '|'));
  return rows;
}

describe('every option is sourced', () => {
  it("has IBM's page on ibm.com with its version, or an unconfirmed reason that the README lists", () => {
    const rows = unconfirmedRows();
    for (const o of table.options) {
      if (o.source) {
        assert.match(o.source.url, /^https?:\/\/([a-z0-9-]+\.)*ibm\.com\//, o.name);
        assert.ok(o.source.version.length > 0, o.name);
        assert.ok(!rows.has(o.name), `${o.name} has a source but the README lists it as unconfirmed`);
      } else {
        assert.ok(o.unconfirmed, `${o.name} has neither a source nor a reason`);
        assert.equal(rows.get(o.name), o.unconfirmed, `${o.name}: the README's reason`);
      }
    }
    assert.equal(
      rows.size,
      table.options.filter((o) => !o.source).length,
      'the README lists no option that is not unconfirmed',
    );
  });

  it('names platforms as IBM does: macOS is not implied by UNIX, and a UNIX file accepts any UNIX platform', () => {
    const lanfree = table.lookup('LANFREECommmethod')!;
    assert.deepEqual(lanfree.platforms, ['aix', 'linux', 'solaris', 'windows']);
    assert.ok(supports(lanfree, 'unix') && supports(lanfree, 'windows'));
    const passworddir = table.lookup('PASSWORDDIR')!;
    assert.ok(supports(passworddir, 'unix') && !supports(passworddir, 'windows'));
    // A UNIX-only option in a Windows options file is still flagged; a LAN-free option in a dsm.sys stanza is not.
    assert.deepEqual(
      codes('SErvername a\n  TCPServeraddress h\n  SCHEDMODE POLLING\n  LANFREECommmethod tcpip\n').filter(
        (c) => c.code === 'wrong-file',
      ),
      [],
    );
  });

  it('keeps the lenient minimum abbreviation of options whose syntax IBM did not show', () => {
    const lenient = table.options.find(
      (o) => o.unverified?.includes('abbreviation') && /^[A-Z]{4,}[a-z]/.test(o.name),
    )!;
    const short = lenient.name.slice(0, 3);
    const r = table.resolve(short);
    if (r.kind === 'match') assert.equal(r.item, lenient);
    else assert.equal(r.kind, 'ambiguous', `${short} for ${lenient.name}`);
  });
});

describe("the hover gives IBM's word", () => {
  it("links IBM's page with its version, and the defaults by platform", () => {
    const text = hoverText('SErvername a\n  LANFREEShmport 1510\n', 'file:///etc/dsm.sys', 1, 4);
    assert.ok(
      text.includes(
        "[IBM's page (storage\\-protect 8\\.2\\.2)](https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=reference-lanfreeshmport)",
      ),
      text,
    );
    assert.ok(text.includes('Default by platform: AIX 1510; Linux 1510; Solaris 1510; Windows 1.'), text);
    assert.ok(text.includes('Platforms: AIX, Linux, Solaris, Windows.'), text);
  });

  it('says where IBM contradicts itself', () => {
    const text = hoverText('NUMberformat 1\n', 'file:///home/u/dsm.opt');
    assert.match(text, /\*\*IBM's pages disagree\*\*: Default stated several ways/);
  });

  it('says when IBM removed or replaced an option', () => {
    assert.match(
      hoverText('SErvername a\n  VMSKIPMAXVMDKS yes\n', 'file:///etc/dsm.sys', 1, 4),
      /\*\*Removed\*\*: IBM removed or renamed it in version 7\\\.1\\\.4; IBM replaced it by VMSKIPMAXVIRTUALDISKS \(the client still accepts it\)\./,
    );
  });

  it('says why an option is unconfirmed', () => {
    const text = hoverText('SErvername a\n  ENABLELanfree yes\n', 'file:///etc/dsm.sys', 1, 4);
    assert.ok(text.includes("Not confirmed against IBM's documentation: Three searches"), text);
  });

  it('names the files IBM names when they are fewer than those accepted', () => {
    const text = hoverText('TIMEformat 1\n', 'file:///home/u/dsm.opt');
    assert.ok(text.includes("IBM's page names only a UNIX dsm.opt; a Windows dsm.opt;"), text);
  });
});

describe('removed-option', () => {
  it('says since when and by what, and renames where the replacement takes the same values', () => {
    const text = 'SErvername a\n  TCPServeraddress h\n  SCHEDMODE POLLING\n  VMSKIPMAXVMDKS yes\n';
    const found = codes(text).filter((c) => c.code === 'removed-option');
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 3);
    assert.match(
      found[0].message,
      /^IBM replaced VMSKIPMAXVMDKS by VMSKIPMAXVIRTUALDISKS in version 7\.1\.4; the client still accepts the old name/,
    );
    const { doc, svc } = analyze(text);
    const d = svc.diagnostics(doc).find((x) => x.code === 'removed-option')!;
    const fix = svc
      .codeActions(doc, d.range, { diagnostics: [d] })
      .find((a) => a.title === 'Change to VMSKIPMAXVIRTUALDISKS');
    assert.ok(fix?.edit?.changes);
    assert.equal(
      applyEdits(text, Object.values(fix.edit.changes)[0]),
      text.replace('VMSKIPMAXVMDKS', 'VMSKIPMAXVIRTUALDISKS'),
    );
  });

  it('says when IBM does not name the version, and offers no rename where the values differ', () => {
    const text = 'SErvername a\n  LARGECOMmbuffers yes\n';
    const found = codes(text).filter((c) => c.code === 'removed-option');
    assert.deepEqual(
      found.map((c) => c.line),
      [1],
    );
    assert.match(
      found[0].message,
      /IBM replaced LARGECOMmbuffers by DISKBUFFSIZE \(IBM does not say in which version\)/,
    );
    const { doc, svc } = analyze(text);
    const d = svc.diagnostics(doc).find((x) => x.code === 'removed-option')!;
    assert.deepEqual(
      svc.codeActions(doc, d.range, { diagnostics: [d] }).filter((a) => !a.title.startsWith('Ignore')),
      [],
    );
  });

  it('is silent on options IBM still documents', () => {
    assert.deepEqual(
      codes('SErvername a\n  DISKBuffsize 32\n  VMSKIPMAXVIRTUALDISKS yes\n').filter(
        (c) => c.code === 'removed-option',
      ),
      [],
    );
  });
});

describe('stanza-name', () => {
  const name64 = 'b'.repeat(64);
  it('flags a 65-character server stanza name, and not one of 64', () => {
    const found = codes(`SErvername ${name64}x\n  TCPServeraddress h\n  SCHEDMODE POLLING\n`).filter(
      (c) => c.code === 'stanza-name',
    );
    assert.deepEqual(
      found.map((c) => c.line),
      [0],
    );
    assert.match(found[0].message, /has 65 characters; a server name is at most 64/);
    assert.deepEqual(
      codes(`SErvername ${name64}\n  TCPServeraddress h\n  SCHEDMODE POLLING\n`).filter(
        (c) => c.code === 'stanza-name',
      ),
      [],
    );
  });

  it('flags a blank in the name, quoted or not, but not a trailing note', () => {
    assert.deepEqual(
      codes('SErvername bucky backup\n  SCHEDMODE POLLING\n')
        .filter((c) => c.code === 'stanza-name')
        .map((c) => c.line),
      [0],
    );
    assert.deepEqual(
      codes('SErvername "bucky backup"\n  SCHEDMODE POLLING\n')
        .filter((c) => c.code === 'stanza-name')
        .map((c) => c.line),
      [0],
    );
    assert.deepEqual(
      codes('SErvername bucky * the main one\n  SCHEDMODE POLLING\n').filter((c) => c.code === 'stanza-name'),
      [],
    );
  });

  it('leaves a template placeholder alone', () => {
    assert.deepEqual(
      codes(
        `SErvername {{ tsm_server_name_that_is_rather_long_and_goes_on_past_sixty_four_chars }}\n  SCHEDMODE POLLING\n`,
        'file:///etc/dsm.sys.j2',
      ).filter((c) => c.code === 'stanza-name'),
      [],
    );
  });
});

describe('rule pages of the codes added here', () => {
  for (const code of ['removed-option', 'stanza-name']) {
    it(`docs/rules/${code}.md has the shape of a rule page and IBM's address`, () => {
      const text = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
      const headings = [...text.matchAll(/^#{1,2} .*$/gm)].map((m) => m[0]);
      assert.deepEqual(headings, [
        `# ${code}`,
        '## What it catches',
        '## Why it matters',
        '## Example',
        '## When to silence it',
        "## IBM's page",
      ]);
      assert.match(text.split('\n')[2], /^\S.*\.$/, 'a one-line summary under the title');
      assert.match(text.slice(text.indexOf('## Example')), /Before:\n\n```[\s\S]*?```\n\n[\s\S]*After[^\n]*:\n\n```/);
      assert.match(text.slice(text.indexOf("## IBM's page")), /https:\/\/www\.ibm\.com\/\S+/);
    });
  }
});

describe('links in plain-text hovers', () => {
  it("reads IBM's page link as its text and address", () => {
    assert.equal(
      toPlainText(
        "[IBM's page (storage\\-protect 8\\.2\\.2)](https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=reference-lanfreeshmport).",
      ),
      "IBM's page (storage-protect 8.2.2) (https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=reference-lanfreeshmport).",
    );
  });
});
