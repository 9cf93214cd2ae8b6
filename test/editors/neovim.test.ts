/**
 * Neovim's built-in LSP client, as docs/editors/neovim.lua sets it up
 * (0.7 to 0.10, and 0.11+); Debian 12 has 0.7.2.
 */
import { editorSuite } from './harness';

editorSuite({
  title: 'Neovim (docs/editors/neovim.lua)',
  binary: 'nvim',
  install: 'apt-get install neovim',
  recipe: 'neovim.lua',
  driver: 'neovim-driver.lua',
  // The recipe is the init file; the driver runs once the fixture is loaded.
  args: (recipe, driver, ws) => ['--headless', '-i', 'NONE', '-u', recipe, ws.fixture, '-S', driver],
  stdin: 'ignore',
  filetype: 'dsm',
  // Neovim asks for Markdown and renders it.
  plaintext: false,
});
