/**
 * Vim 9 + ALE 3.x, as docs/editors/vim-ale.vim sets it up (Debian's vim and
 * vim-ale packages).
 */
import { editorSuite } from './harness';

editorSuite({
  title: 'Vim + ALE (docs/editors/vim-ale.vim)',
  binary: 'vim',
  install: 'apt-get install vim vim-ale',
  recipe: 'vim-ale.vim',
  driver: 'vim-ale-driver.vim',
  // The recipe is the vimrc, after filetype detection is on as in most
  // vimrcs (so Vim has already called dsm.sys a "bat" file). Vim runs its
  // main loop, timers and jobs without a terminal, waiting on a stdin pipe.
  args: (recipe, driver, ws) => [
    '-N',
    '-i',
    'NONE',
    '--not-a-term',
    '--cmd',
    'filetype plugin indent on',
    '-u',
    recipe,
    '-S',
    driver,
    ws.fixture,
  ],
  stdin: 'pipe',
  filetype: 'dsm',
  // ALE asks for plaintext hovers and documentation.
  plaintext: true,
});
