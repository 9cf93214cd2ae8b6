/** What kinds of client declare at initialize, for the protocol tests that speak as each. */

/** VS Code 1.9x with this extension's client: everything, Markdown first, and the reminder command asked for. */
export const VSCODE = {
  capabilities: {
    workspace: { configuration: true, applyEdit: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: {
        completionItem: {
          snippetSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          resolveSupport: { properties: ['documentation', 'detail'] },
        },
      },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
        isPreferredSupport: true,
      },
    },
  },
  initializationOptions: { builtinSnippets: true, addKnownOptionCommand: true, restartReminderCommand: true },
};

/** A client that declares nothing at all. */
export const MINIMAL = { capabilities: {} };

/** Vim with ALE 3.3 (its initialize message): plain text only, no configuration pull, no dynamic registration, no applyEdit. */
export const PLAIN_TEXT = {
  capabilities: {
    workspace: { applyEdit: false, configuration: false, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: {
      hover: { dynamicRegistration: false, contentFormat: ['plaintext'] },
      completion: {
        dynamicRegistration: false,
        completionItem: { snippetSupport: false, documentationFormat: ['plaintext'] },
      },
      codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } },
    },
  },
};
