/** The hover of an include-exclude statement: the common paths it decides, and the statements that shadow it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupContent, Position } from 'vscode-languageserver-types';
import { analyze } from './helpers';

const LIST = 'exclude /.../*.tmp\nexclude.dir /tmp\ninclude /.../*\nexclude /var/log/*\n';

function hoverAt(text: string, line: number, uri = 'file:///etc/tsm/inclexcl.excl'): string {
  const { doc, svc } = analyze(text, uri);
  return (svc.hover(doc, Position.create(line, 2))!.contents as MarkupContent).value.replace(/\\/g, '');
}

describe('include-exclude statement hover', () => {
  it('names the common paths a statement decides', () => {
    assert.match(
      hoverAt(LIST, 3),
      /For backup, of the common UNIX paths\*\* this statement decides \/var\/log\/messages\./,
    );
    assert.match(hoverAt(LIST, 1), /decides \/tmp\/scratch\.tmp\./);
  });

  it('names the statements that decide, in its place, the common paths it matches', () => {
    const h = hoverAt(LIST, 0);
    assert.match(h, /this statement decides none\./);
    assert.match(h, /- line 2, EXCLUDE\.DIR \/tmp, decides \/tmp\/scratch\.tmp first/);
    assert.match(h, /- line 3, INCLUDE \/\.\.\.\/\*, decides \/var\/tmp\/session\.tmp first/);
  });

  it('reads a Windows list without case, and archive statements for archive', () => {
    const h = hoverAt('include.archive c:\\users\\...\\* archmc\n', 0, 'file:///c%3A/tsm/inclexcl.excl');
    assert.match(h, /For archive, of the common Windows paths\*\* this statement decides C:Users/);
  });

  it('says nothing of paths for a statement that decides no inclusion, nor in a dsm.sys', () => {
    assert.doesNotMatch(hoverAt('include.encrypt /.../*\n', 0), /common/);
    assert.doesNotMatch(hoverAt('SErvername a\n  exclude /tmp/*\n', 1, 'file:///etc/dsm.sys'), /common/);
  });
});
