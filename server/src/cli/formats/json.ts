/**
 * `--format json`: an array with one object per file, in order, written as
 * each file is done: `{file, problems, changes?, diff?, error?, notes?}`.
 * Problem lines and columns are 1-based; endColumn is exclusive.
 */
import type { FileResult } from '../types';
import type { Formatter } from './common';

export function jsonFormatter(): Formatter {
  let first = true;
  return {
    begin: () => '[',
    file(r: FileResult): string {
      const { display, ...rest } = r;
      const text = (first ? '\n' : ',\n') + JSON.stringify({ file: display, ...rest });
      first = false;
      return text;
    },
    end: () => ({ out: first ? ']\n' : '\n]\n' }),
  };
}
