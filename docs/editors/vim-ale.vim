" vim-ale.vim: dsm.sys / dsm.opt (IBM TSM / Spectrum Protect client options)
" checked by dsm-language-server through ALE 3.x, in Vim 9 (or Neovim).
" Paste into your vimrc (or init.vim). Needs ALE, and the dsm-language-server
" command on your PATH. Then :ALEHover, :ALECodeAction, and CTRL-X CTRL-O
" (completion) work in dsm files, and ALE shows the diagnostics.

" Debian's vim-ale package installs ALE as an optional package.
if empty(globpath(&runtimepath, 'plugin/ale.vim'))
  silent! packadd! ale
endif

augroup dsm_language_server
  autocmd!
  " Vim's own rules make *.sys a "bat" file; "set filetype" overrides them.
  " A pattern without "/" is matched against the file name only.
  autocmd BufRead,BufNewFile dsm.sys,dsm*.opt,dsm.sys.smp,dsm.opt.smp set filetype=dsm
  autocmd FileType dsm call s:DsmBuffer()
augroup END

function! s:DsmBuffer() abort
  setlocal omnifunc=ale#completion#OmniFunc commentstring=*\ %s comments=:*
  " ALE is loaded by now, whichever way it was installed.
  if !exists('s:linter_defined')
    call ale#linter#Define('dsm', {
    \   'name': 'dsm_language_server',
    \   'lsp': 'stdio',
    \   'executable': 'dsm-language-server',
    \   'command': '%e --stdio',
    \   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
    \})
    let s:linter_defined = 1
  endif
endfunction
