/**
 * Neovim + ALE 3.x, with the same recipe as Vim (docs/editors/vim-ale.vim)
 * and the same driver: Debian's vim-ale also installs ALE for Neovim.
 */
import { editorSuite } from './harness';

editorSuite({
  title: 'Neovim + ALE (docs/editors/vim-ale.vim)',
  binary: 'nvim',
  install: 'apt-get install neovim vim-ale',
  recipe: 'vim-ale.vim',
  driver: 'vim-ale-driver.vim',
  // As for Vim: filetype detection on before the recipe (init.vim) runs.
  args: (recipe, driver, ws) => [
    '--headless',
    '-i',
    'NONE',
    '--cmd',
    'filetype plugin indent on',
    '-u',
    recipe,
    ws.fixture,
    '-S',
    driver,
  ],
  stdin: 'ignore',
  filetype: 'dsm',
  // ALE asks for plaintext hovers and documentation.
  plaintext: true,
});
