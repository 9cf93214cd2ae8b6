/** The example paths the "Which statement decides this path?" command offers: each pattern of the file, its wildcards filled in. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathsWrittenIn } from '../../client/src/pathsWritten';
import { matchesPattern } from '../../server/src/model/inclexclMatch';

describe('paths written in a file', () => {
  it('fills in each pattern so that the pattern matches the path offered', () => {
    const text = [
      '* a comment',
      'exclude /.../*.sno',
      '  include "/home/my dir/[a-c]?.ice" mcweekly',
      'EXCLUDE.DIR /var/cache',
      'SErvername x',
      'include c:\\Users\\...\\*',
      'exclude /.../*.sno',
    ].join('\n');
    const paths = pathsWrittenIn(text);
    assert.deepEqual(paths, ['/file.sno', '/home/my dir/ax.ice', '/var/cache', 'c:\\Users\\file']);
    assert.ok(matchesPattern('/.../*.sno', paths[0], 'unix'));
    assert.ok(matchesPattern('/home/my dir/[a-c]?.ice', paths[1], 'unix'));
    assert.ok(matchesPattern('c:\\Users\\...\\*', paths[3], 'windows'));
  });

  it('offers nothing for a file without statements', () => {
    assert.deepEqual(pathsWrittenIn('SErvername a\n  TCPServeraddress x\n'), []);
  });
});
