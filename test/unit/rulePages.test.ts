/**
 * Every code has its rule page, shaped like ruff's and hadolint's, and one
 * list of codes is told everywhere: the pages in docs/rules, CODES,
 * codePages.json, the README's table and `dsm-lint rule --list`. Every code
 * and option links to a full ibm.com address.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CODES, Code } from '../../server/src/service/codes';
import {
  IBM_CLIENT_DOCS,
  codeHref,
  codePage,
  ibmOptionAddress,
  pagedCodes,
  rulePagePath,
} from '../../server/src/service/ibmPages';
import { builtinOptionTable } from '../../server/src/model/optionTable';
import { ruleList } from '../../server/src/cli/ruleCommand';
import { pageSection, rulePageText } from '../../server/src/cli/rulePages';
/** TCPPort's IBM page: the address its entry in the option table was read at. */
const TCPPORT_PAGE = ibmOptionAddress(builtinOptionTable().lookup('TCPPort')!)!;

const ROOT = path.join(__dirname, '..', '..', '..');
const codes = Object.keys(CODES) as Code[];
const SECTIONS = ['## What it catches', '## Why it matters', '## Example', '## When to silence it', "## IBM's page"];
const IBM = /^https:\/\/www\.ibm\.com\/docs\/en\/[^\s<>]+$/;

describe('rule pages', () => {
  it('the pages of docs/rules, CODES, codePages.json, the README table and `rule --list` name the same codes, in one order', () => {
    const pages = fs
      .readdirSync(path.join(ROOT, 'docs', 'rules'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    assert.deepEqual(pages.sort(), [...codes].sort());
    assert.deepEqual(pagedCodes(), codes);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Diagnostic codes'));
    assert.deepEqual(
      [...table.matchAll(/^\| `([a-z-]+)` \| \w+ \|/gm)].map((m) => m[1]),
      codes,
    );
    assert.deepEqual(
      ruleList()
        .trimEnd()
        .split('\n')
        .map((l) => l.split(/\s{2,}/)),
      codes.map((c) => [c, CODES[c].summary]),
    );
  });

  for (const code of codes) {
    it(`${code}: # code, the CODES summary, the five sections in order, Before and After, IBM's full address`, () => {
      assert.equal(rulePagePath(code), `docs/rules/${code}.md`);
      const page = fs.readFileSync(path.join(ROOT, rulePagePath(code)!), 'utf8');
      const lines = page.split('\n');
      assert.equal(lines[0], `# ${code}`);
      assert.equal(lines[1], '');
      assert.equal(lines[2], CODES[code].summary);
      const at = SECTIONS.map((s) => lines.indexOf(s));
      assert.ok(
        at.every((i, k) => i > 2 && (k === 0 || i > at[k - 1])),
        `sections missing or out of order: ${JSON.stringify(at)}`,
      );
      for (const s of ['What it catches', 'Why it matters', 'When to silence it'])
        assert.ok(pageSection(page, s).length > 20, `${s} is empty`);
      const example = pageSection(page, 'Example');
      assert.match(example, /^Before:\s+```[\s\S]+?```\s+After:\s+```[\s\S]+?```$/);
      assert.ok(page.includes(`<${codePage(code)!.ibm}>`), "the IBM's page section shows the code's address");
      assert.match(codePage(code)!.ibm, IBM);
      assert.equal(rulePageText(code), page);
    });
  }

  it('no rule page for a code that does not exist, nor for a path', () => {
    assert.equal(rulePageText('no-such-code'), undefined);
    assert.equal(rulePageText('../README'), undefined);
    assert.equal(codePage('internal-error'), undefined);
  });
});

describe("IBM's addresses", () => {
  it("turns an option's page id into the full address of IBM's client book", () => {
    assert.equal(
      ibmOptionAddress({ ibmPage: 'r_opt_schedmode' }),
      'https://www.ibm.com/docs/en/SSEQVQ_8.1.11/client/r_opt_schedmode.html',
    );
    assert.equal(IBM_CLIENT_DOCS, 'https://www.ibm.com/docs/en/SSEQVQ_8.1.11/client/');
  });

  it("prefers the address IBM's text was read at (source.url), when it is on ibm.com", () => {
    const url = 'https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=reference-schedmode';
    assert.equal(ibmOptionAddress({ ibmPage: 'r_opt_schedmode', source: { url } }), url);
    assert.equal(
      ibmOptionAddress({ ibmPage: 'r_opt_schedmode', source: { url: 'https://example.org/x' } }),
      IBM_CLIENT_DOCS + 'r_opt_schedmode.html',
    );
  });

  it("has no address for a site's own option, and one for every option of the table", () => {
    assert.equal(ibmOptionAddress({ ibmPage: '(site setting)' }), undefined);
    const without = builtinOptionTable()
      .options.filter((o) => !ibmOptionAddress(o))
      .map((o) => o.name);
    assert.deepEqual(without, []);
  });

  it("links a diagnostic to the option's page where the code says so, else to the code's page", () => {
    const tcpport = builtinOptionTable().lookup('TCPPort')!;
    assert.equal(codeHref('invalid-value', tcpport), TCPPORT_PAGE);
    assert.equal(codeHref('invalid-value'), codePage('invalid-value')!.ibm);
    assert.equal(
      codeHref('schedmode-missing', builtinOptionTable().lookup('SErvername')),
      IBM_CLIENT_DOCS + 'r_opt_schedmode.html',
    );
    assert.equal(codeHref('internal-error'), undefined);
  });
});
