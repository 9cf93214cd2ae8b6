#!/usr/bin/env node
// The Debian packages the tests need, in one list: installed with apt-get
// when run as root (as CI and a fresh build machine are), else named with the
// command that installs them. `npm test` runs this first; `.ci/run` too.
//
//   node scripts/debian-packages.mjs [package ...]   (default: all of them)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Package, and what needs it. */
export const DEBIAN_PACKAGES = {
  chromium: 'the real-editor tests (VS Code in a headless browser)',
  'libkrb5-dev': "the one-time build of VS Code's server (a native module)",
  'emacs-nox': 'the Emacs + Eglot recipe test',
  'elpa-eglot': 'the Emacs + Eglot recipe test (Emacs 28 has no Eglot)',
  neovim: 'the Neovim recipe test',
  vim: 'the Vim + ALE recipe test',
  'vim-ale': 'the Vim + ALE recipe test',
  'ansible-core': "the Ansible test: a playbook deploys with dsm-lint as the template's validate command",
  'pre-commit': 'the pre-commit hook test (pre-commit try-repo)',
  git: 'the pre-commit hook test (a throwaway repository)',
  e2fsprogs: 'the dsm-lint --fix test of a file that cannot be written (chattr +i)',
};

const log = (...a) => console.log('[debian packages]', ...a);

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function apt(args) {
  const r = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} exited with ${r.status}`);
}

/** Installs what is missing of `packages` (as root), or throws saying how to. On a system without dpkg it only warns. */
export function ensureDebianPackages(packages = Object.keys(DEBIAN_PACKAGES)) {
  if (!fs.existsSync('/usr/bin/dpkg-query')) {
    log(`not a Debian system: make sure these are installed: ${packages.join(' ')}`);
    return;
  }
  const missing = packages.filter((p) => !installed(p));
  if (!missing.length) return;
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    log(`installing ${missing.join(' ')}`);
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
    return;
  }
  const why = missing.map((p) => `  ${p}: ${DEBIAN_PACKAGES[p] ?? 'needed'}`).join('\n');
  throw new Error(
    `missing Debian packages:\n${why}\ninstall them with:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const asked = process.argv.slice(2);
    ensureDebianPackages(asked.length ? asked : undefined);
  } catch (e) {
    console.error(`[debian packages] ${e.message}`);
    process.exit(1);
  }
}
