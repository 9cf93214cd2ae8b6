/**
 * One decoder for every reader (server/src/util/decode.ts): a dsm.opt beside
 * a dsm.sys saved as UTF-16 (with its BOM, as Windows Notepad writes it) is
 * checked against that dsm.sys's stanzas by the server, which reads the
 * dsm.sys from the disk, exactly as dsm-lint checks it (test/cli/encoding.test.ts
 * expects the same findings, test/fixtures/utf16-pair/findings.json).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, Published, SMALL_WAIT_MS } from './lspClient';
import { VSCODE } from './profiles';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'utf16-pair');
const SEVERITY = ['error', 'warning', 'information', 'hint'];

interface Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/** The server's diagnostics as dsm-lint reports them: 1-based, severity by name. */
function asFindings(p: Published): Finding[] {
  return p.diagnostics.map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY[(d.severity ?? 1) - 1],
    code: String(d.code),
    message: d.message,
  }));
}

for (const transport of ['in-process', 'stdio'] as const)
  describe(`a dsm.opt beside a UTF-16 dsm.sys on disk (${transport === 'stdio' ? 'dist/server.js over stdio' : 'in process'})`, () => {
    let client: LspClient;
    before(async () => {
      client = new LspClient({ transport });
      await client.initialize(VSCODE.capabilities, VSCODE.initializationOptions, [pathToFileURL(FIXTURE).href]);
    });
    after(() => client.stop());

    it('is checked against the stanzas of the dsm.sys, read as UTF-16: the findings dsm-lint gives', async () => {
      const sys = fs.readFileSync(path.join(FIXTURE, 'dsm.sys'));
      assert.deepEqual([...sys.subarray(0, 2)], [0xff, 0xfe], 'the fixture is UTF-16 LE with its BOM');
      const opt = pathToFileURL(path.join(FIXTURE, 'dsm.opt')).href;
      await client.open(opt, fs.readFileSync(path.join(FIXTURE, 'dsm.opt'), 'utf8'));
      const published = await client.settled(opt, SMALL_WAIT_MS, (p) => p.diagnostics.length > 0);
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'findings.json'), 'utf8')) as Finding[];
      assert.deepEqual(asFindings(published), expected);
    });
  });
