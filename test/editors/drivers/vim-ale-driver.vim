" vim-ale-driver.vim: plays the user in Vim + ALE for test/editors/vim-ale.test.ts.
"
" Sourced (-S) after docs/editors/vim-ale.vim, with the fixture already open.
" (a) waits for ALE's location list, (b) runs :ALEHover on the server address
" and reads the preview window, (c) runs :ALECodeAction and answers its prompt
" with the number of the POLLING fix, then waits for the warning to go,
" (d) types "   SCHEDMODE " on a new line and CTRL-X CTRL-O in Insert mode,
" and reads the completion menu. What it saw goes to $DSM_TEST_RESULT as
" JSON, rewritten after every step; a step that fails is recorded in "errors"
" and the next one still runs. Every wait has a deadline (:sleep runs ALE's
" timers and job callbacks while it waits).

let s:wait_ms = 10000
let s:result = {'errors': []}
" Hover always in the preview window: a one-line hover would only be echoed.
let g:ale_hover_to_preview = 1

function! s:Record(key, value) abort
  let s:result[a:key] = a:value
  call writefile([json_encode(s:result)], $DSM_TEST_RESULT)
endfunction

function! s:Fail(step, message) abort
  call add(s:result.errors, a:step . ': ' . a:message)
  call s:Record('errors', s:result.errors)
endfunction

function! s:Step(name, Run) abort
  try
    call a:Run()
  catch
    call s:Fail(a:name, v:exception . ' (' . v:throwpoint . ')')
  endtry
endfunction

" Sleeps until Predicate() returns something other than 0 or '', and returns it.
function! s:Wait(what, Predicate) abort
  let l:start = reltime()
  while reltimefloat(reltime(l:start)) * 1000 < s:wait_ms
    let l:value = a:Predicate()
    if !empty(l:value)
      return l:value
    endif
    sleep 20m
  endwhile
  throw printf('timed out after %d s waiting for %s', s:wait_ms / 1000, a:what)
endfunction

" The location list ALE keeps for the window: line, code (its "code: " prefix) and text.
function! s:Diagnostics() abort
  return map(getloclist(0), {_, item -> {
  \   'line': item.lnum,
  \   'code': matchstr(item.text, '^[a-z-]\+\ze: '),
  \   'message': item.text,
  \}})
endfunction

function! s:HasPromptedWarning() abort
  return !empty(filter(s:Diagnostics(), {_, d -> d.code is# 'schedmode-prompted'}))
endfunction

function! s:PreviewText() abort
  for l:win in range(1, winnr('$'))
    if getwinvar(l:win, '&previewwindow')
      return join(getbufline(winbufnr(l:win), 1, '$'), "\n")
    endif
  endfor
  return ''
endfunction

function! s:Hover() abort
  call search('bucky5\.doit')
  ALEHover
  call s:Record('hover', s:Wait('the hover preview', function('s:PreviewText')))
  pclose
endfunction

" Stands in for the user at the :ALECodeAction prompt (ALE asks through this
" function): records the numbered titles and answers with the POLLING fix.
runtime autoload/ale/util.vim
function! ale#util#Input(message, value, ...) abort
  let l:titles = map(filter(split(a:message, "\n"), {_, l -> l =~# '^\d\+) '}), {_, l -> substitute(l, '^\d\+) ', '', '')})
  call s:Record('codeActions', l:titles)
  let l:index = match(l:titles, '^Change SCHEDMODE to POLLING')
  return l:index < 0 ? '' : string(l:index + 1)
endfunction

function! s:Fix() abort
  let s:fix_line = search('PROMPTED')
  ALECodeAction
  call s:Wait('the edit', {-> getline(s:fix_line) !~# 'PROMPTED'})
  call s:Record('fixedLine', getline(s:fix_line))
endfunction

" A turn of the main loop after s:Fix: Vim has fired TextChanged, on which ALE tells the server.
function! s:FixSeen() abort
  call s:Wait('the warning to go', {-> !s:HasPromptedWarning()})
  call s:Record('diagnosticsAfterFix', s:Diagnostics())
endfunction

" Runs from a timer while Insert mode waits for keys: reads the menu, then leaves Insert mode.
function! s:ReadMenu(deadline, timer) abort
  let l:items = complete_info(['items']).items
  if empty(l:items) && reltimefloat(reltime()) < a:deadline
    return
  endif
  call timer_stop(a:timer)
  if empty(l:items)
    call s:Fail('completion', 'timed out waiting for the completion menu')
  else
    call s:Record('completion', map(copy(l:items), {_, item -> item.word}))
    call s:Record('completionDocs', map(l:items, {_, item -> get(item, 'info', '')}))
  endif
  call feedkeys("\<C-e>\<Esc>", 'n')
endfunction

function! s:Complete() abort
  call append('$', '   SCHEDMODE ')
  call timer_start(20, function('s:ReadMenu', [reltimefloat(reltime()) + s:wait_ms / 1000]), {'repeat': -1})
  " 'x!': type now, and stay in Insert mode until s:ReadMenu leaves it.
  call feedkeys("GA\<C-x>\<C-o>", 'x!')
endfunction

function! s:AwaitDiagnostics() abort
  call s:Wait('the schedmode-prompted warning', function('s:HasPromptedWarning'))
  call s:Record('diagnostics', s:Diagnostics())
endfunction

" The file type of each file of $DSM_TEST_NAMES, edited in turn.
function! s:FileTypes() abort
  let l:types = {}
  set hidden
  for l:name in split($DSM_TEST_NAMES, "\n")
    execute 'edit' fnameescape(l:name)
    let l:types[l:name] = &filetype
    bwipeout!
  endfor
  call s:Record('fileTypes', l:types)
endfunction

function! s:Finish() abort
  call s:Record('done', v:true)
  qall!
endfunction

let s:steps = [
\   ['open', {-> s:Record('filetype', &filetype)}],
\   ['diagnostics', function('s:AwaitDiagnostics')],
\   ['hover', function('s:Hover')],
\   ['fix', function('s:Fix')],
\   ['fix', function('s:FixSeen')],
\   ['completion', function('s:Complete')],
\   ['file types', function('s:FileTypes')],
\   ['finish', function('s:Finish')],
\]

" Runs the next step, then types the command that runs the one after it, so
" that Vim's main loop turns in between as it does after a user's command.
function! DsmDriverNext() abort
  let [l:name, l:Run] = remove(s:steps, 0)
  call s:Step(l:name, l:Run)
  call feedkeys(":call DsmDriverNext()\<CR>", 'n')
endfunction

call s:Record('editor', has('nvim') ? 'Neovim ' . matchstr(execute('version'), 'NVIM v\zs[0-9.]\+') : printf('Vim %d.%d', v:version / 100, v:version % 100))
call DsmDriverNext()
