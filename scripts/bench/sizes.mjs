// Figure 5: bundle sizes (dist/*.js, and dist/browser/*.js against their budgets) and the .vsix that `vsce package` makes.
// Prints one JSON object on stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BROWSER_BUNDLES } from '../browser-bundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const bundles = {};
for (const f of fs
  .readdirSync(dist, { recursive: true })
  .filter((f) => f.endsWith('.js'))
  .sort())
  bundles[f] = fs.statSync(path.join(dist, f)).size;
// The web bundles' budgets (the build enforces them), keyed like `bundles`.
const budgets = Object.fromEntries(
  BROWSER_BUNDLES.map((b) => [path.relative(dist, path.join(root, b.outfile)), b.budget]),
);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-bench-vsix-'));
const out = path.join(tmp, 'x.vsix');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// The same flags as `npm run package`.
const args = ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out];
const r = spawnSync(npx, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const log = `$ npx ${args.join(' ')}\n${r.stdout}${r.stderr}\n`;
let vsix;
if (r.status === 0 && fs.existsSync(out)) {
  vsix = { bytes: fs.statSync(out).size, command: `npx ${args.join(' ').replace(out, '<tmp>/x.vsix')}` };
  const list = spawnSync('unzip', ['-l', out], { encoding: 'utf8' });
  if (list.status === 0)
    vsix.files = list.stdout
      .split('\n')
      .filter((l) => /extension\//.test(l))
      .map((l) =>
        l
          .trim()
          .split(/\s+/)
          .slice(-1)[0]
          .replace(/^extension\//, ''),
      );
}
fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ bundles, budgets, vsix, log: vsix ? undefined : log }) + '\n');
