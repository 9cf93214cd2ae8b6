/** Markdown as the features write it, and the plain text that clients without Markdown are sent. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupKind } from 'vscode-languageserver-types';
import { escape, lines, markup, toPlainText } from '../../server/src/service/markup';
import { analyze, service } from './helpers';

describe('plain text for clients that show no Markdown', () => {
  it('resolves escapes and drops emphasis and code marks', () => {
    assert.equal(
      toPlainText(`**${escape('bucky5.doit.wisc.edu')}**: port 1503, write \`SCHEDMODE POLLING\`.`),
      'bucky5.doit.wisc.edu: port 1503, write SCHEDMODE POLLING.',
    );
  });

  it('keeps what the file said, every character of it', () => {
    const hostile = '[x](command:y)<img>**b**`c`\\*';
    assert.equal(toPlainText(escape(hostile)), hostile);
  });

  it('keeps code blocks as their lines, untouched', () => {
    assert.equal(
      toPlainText(lines('**A**', '```\nSCHEDMODe POlling | PRompted\n*x* \\y\n```', 'b\\.')),
      'A\n\nSCHEDMODe POlling | PRompted\n*x* \\y\n\nb.',
    );
  });

  it('is what markup gives for a plain-text client, and Markdown is left as it is', () => {
    assert.deepEqual(markup('**a**', MarkupKind.PlainText), { kind: 'plaintext', value: 'a' });
    assert.deepEqual(markup('**a**', MarkupKind.Markdown), { kind: 'markdown', value: '**a**' });
  });

  it('every option hover reads cleanly as plain text', () => {
    const svc = service(undefined, { client: { hoverFormat: MarkupKind.PlainText } });
    // SCHEDMODE has a hover of its own: the scheduler modes.
    for (const option of svc.table.options.filter((o) => o.name !== 'SCHEDMODe')) {
      const { doc } = analyze(`SErvername a\n  ${option.name} x\n`, 'file:///etc/dsm.sys', svc);
      const h = svc.hover(doc, { line: 1, character: 3 });
      const value = (h?.contents as { value: string } | undefined)?.value ?? '';
      // After the one-line summaries of the line's diagnostics (x may be no value of the option), the option's documentation.
      const documentation = value.slice(value.indexOf(option.name + ': '));
      assert.ok(
        documentation.startsWith(option.name + ': ') &&
          (documentation === value || value.includes('\n\n' + documentation)),
        `${option.name}: ${value.slice(0, 80)}`,
      );
      assert.doesNotMatch(value, /\*\*/, option.name);
      if (option.default !== null) assert.ok(value.includes(`Default: ${option.default}.`), `${option.name}: ${value}`);
    }
  });
});
