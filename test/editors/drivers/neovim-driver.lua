-- neovim-driver.lua: plays the user in Neovim for test/editors/neovim.test.ts.
--
-- Sourced (-S) by `nvim --headless -u docs/editors/neovim.lua <fixture>`.
-- (a) waits for the diagnostics, (b) runs vim.lsp.buf.hover() on the server
-- address and reads the floating window, (c) runs vim.lsp.buf.code_action()
-- and picks the POLLING fix in vim.ui.select, then waits for the warning to
-- go, (d) types "   SCHEDMODE " on a new line and CTRL-X CTRL-O in Insert
-- mode, and reads the completion menu. What it saw goes to $DSM_TEST_RESULT
-- as JSON, rewritten after every step; a step that fails is recorded in
-- "errors" and the next one still runs. Every wait has a deadline.

local WAIT_MS = 10000
local result = { errors = {} }

local function record(key, value)
  result[key] = value
  vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.DSM_TEST_RESULT)
end

local function fail(step, message)
  table.insert(result.errors, step .. ': ' .. tostring(message))
  record('errors', result.errors)
end

local function step(name, run)
  local ok, err = pcall(run)
  if not ok then
    fail(name, err)
  end
end

--- Runs the event loop until predicate() returns a value, and returns it; fails after WAIT_MS.
local function wait(what, predicate)
  local value
  local ok = vim.wait(WAIT_MS, function()
    value = predicate()
    return value ~= nil and value ~= false
  end, 20)
  if not ok then
    error(('timed out after %d s waiting for %s'):format(WAIT_MS / 1000, what), 0)
  end
  return value
end

local function attached()
  if vim.lsp.get_clients then -- 0.10+
    return #vim.lsp.get_clients({ bufnr = 0 }) > 0
  end
  return next(vim.lsp.buf_get_clients(0)) ~= nil
end

local function diagnostics()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out, { line = d.lnum + 1, code = d.code, message = d.message })
  end
  return out
end

local function has_prompted_warning()
  for _, d in ipairs(diagnostics()) do
    if d.code == 'schedmode-prompted' then
      return true
    end
  end
  return false
end

local function floating_window()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      return win
    end
  end
end

local function hover()
  vim.fn.search('bucky5\\.doit')
  vim.lsp.buf.hover()
  local win = wait('the hover window', floating_window)
  local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
  vim.api.nvim_win_close(win, true)
  record('hover', table.concat(lines, '\n'))
end

--- Stands in for the user at the code-action menu: records the titles, picks POLLING.
local function pick_polling(items, opts, on_choice)
  local titles = vim.tbl_map(opts.format_item or tostring, items)
  record('codeActions', titles)
  for i, title in ipairs(titles) do
    if title:find('^Change SCHEDMODE to POLLING') then
      return on_choice(items[i], i)
    end
  end
  on_choice(nil, nil)
end

local function fix()
  local line = vim.fn.search('PROMPTED')
  vim.ui.select = pick_polling
  vim.lsp.buf.code_action()
  wait('the edit', function()
    return not vim.fn.getline(line):find('PROMPTED')
  end)
  record('fixedLine', vim.fn.getline(line))
  wait('the warning to go', function()
    return not has_prompted_warning()
  end)
  record('diagnosticsAfterFix', diagnostics())
end

--- The file type of each file of $DSM_TEST_NAMES, edited in turn.
local function file_types()
  local types = {}
  for name in vim.env.DSM_TEST_NAMES:gmatch('[^\n]+') do
    vim.cmd('edit ' .. vim.fn.fnameescape(name))
    types[name] = vim.bo.filetype
    vim.cmd('bwipeout!')
  end
  record('fileTypes', types)
end

local function finish()
  step('file types', file_types)
  record('done', true)
  vim.cmd('qa!')
end

--- The completion menu's words once it shows, or nil while it does not.
local function menu_words()
  local items = vim.fn.complete_info({ 'items' }).items
  if #items > 0 then
    return vim.tbl_map(function(item) return item.word end, items)
  end
end

--- (d) needs Insert mode, which only the main loop gives: types, then polls the menu from a timer, then finishes.
local function complete_then_finish()
  vim.api.nvim_buf_set_lines(0, -1, -1, false, { '   SCHEDMODE ' })
  vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(0), 0 })
  local timer, deadline = vim.loop.new_timer(), vim.loop.now() + WAIT_MS
  timer:start(20, 20, vim.schedule_wrap(function()
    local ok, words = pcall(menu_words)
    if ok and not words and vim.loop.now() < deadline then
      return
    end
    timer:stop()
    if not ok then
      fail('completion', words)
    elseif words then
      record('completion', words)
    else
      fail('completion', 'timed out waiting for the completion menu')
    end
    vim.cmd('stopinsert')
    finish()
  end))
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('A<C-x><C-o>', true, false, true), 'n', false)
end

record('editor', ('Neovim %d.%d.%d'):format(vim.version().major, vim.version().minor, vim.version().patch))
step('open', function()
  record('filetype', vim.bo.filetype)
  wait('the language server to attach', attached)
end)
step('diagnostics', function()
  wait('the schedmode-prompted warning', has_prompted_warning)
  record('diagnostics', diagnostics())
end)
step('hover', hover)
step('fix', fix)
local started, err = pcall(complete_then_finish)
if not started then
  fail('completion', err)
  finish()
end
