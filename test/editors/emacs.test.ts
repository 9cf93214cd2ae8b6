/**
 * Emacs + Eglot, as docs/editors/emacs-eglot.el sets it up: Emacs 28 with
 * Debian's elpa-eglot here (Emacs 29+ has Eglot built in).
 */
import assert from 'node:assert/strict';
import { editorSuite } from './harness';

editorSuite({
  title: 'Emacs + Eglot (docs/editors/emacs-eglot.el)',
  binary: 'emacs',
  install: 'apt-get install emacs-nox elpa-eglot',
  recipe: 'emacs-eglot.el',
  driver: 'emacs-driver.el',
  // -q, not -Q: Debian's site-start files run, as for a user. Batch Emacs
  // reads no init file, so it does not activate packages itself: the
  // package-activate-all a normal start does comes first, then the recipe as
  // the init file.
  args: (recipe, driver) => ['--batch', '-q', '--eval', '(package-activate-all)', '-l', recipe, '-l', driver],
  stdin: 'ignore',
  filetype: 'dsm-mode',
  // Without markdown-mode (HOME is empty), Eglot asks for plaintext hovers.
  plaintext: true,
  checks: {
    'pops up no *Warnings* buffer': (seen) => assert.equal(seen.warnings, ''),
  },
});
