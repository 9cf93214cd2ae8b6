-- neovim.lua: dsm.sys / dsm.opt (IBM TSM / Spectrum Protect client options)
-- with dsm-language-server, for Neovim 0.7 to 0.10 (and still right on 0.11+).
-- Paste into your init.lua, or save as ~/.config/nvim/plugin/dsm.lua.
-- Needs the dsm-language-server command on your PATH.

-- The file type. Neovim's own rules make *.sys a "bat" file: both ways below
-- win over them.
if vim.fn.has('nvim-0.8') == 1 then
  vim.filetype.add({
    filename = { ['dsm.sys'] = 'dsm', ['dsm.opt'] = 'dsm', ['dsm.sys.smp'] = 'dsm', ['dsm.opt.smp'] = 'dsm' },
    -- A pattern without "/" is matched against the file name only.
    pattern = { ['dsm.*%.opt'] = 'dsm' },
  })
else -- 0.7: filetype.vim ignores vim.filetype.add; "set filetype" overrides its guess
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = vim.api.nvim_create_augroup('dsm_filetype', { clear = true }),
    pattern = { 'dsm.sys', 'dsm*.opt', 'dsm.sys.smp', 'dsm.opt.smp' },
    command = 'set filetype=dsm',
  })
end

-- The language server, one per folder, for every dsm buffer.
local dsm_clients = {} -- 0.7 only: folder -> client id
vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('dsm_lsp', { clear = true }),
  pattern = 'dsm',
  callback = function(args)
    local config = {
      name = 'dsm',
      cmd = { 'dsm-language-server', '--stdio' },
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
      on_attach = function(_, bufnr) -- CTRL-X CTRL-O completes (newer versions set this themselves)
        vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
      end,
    }
    if vim.lsp.start then -- 0.8+
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    local id = dsm_clients[config.root_dir]
    if not (id and vim.lsp.get_client_by_id(id)) then
      id = vim.lsp.start_client(config)
      dsm_clients[config.root_dir] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
