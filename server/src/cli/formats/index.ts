/**
 * The output formats. Each gets the files' results one by one, in order, and
 * returns the text to print at once: results stream out. Errors and notes go
 * to stderr from the run itself, whatever the format.
 */
import type { Format } from '../types';
import type { FormatContext, Formatter } from './common';
import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { sarifFormatter } from './sarif';
import { textFormatter } from './text';

export function formatter(format: Format, ctx: FormatContext): Formatter {
  switch (format) {
    case 'json':
      return jsonFormatter();
    case 'sarif':
      return sarifFormatter(ctx);
    case 'github':
      return githubFormatter(ctx);
    default:
      return textFormatter(ctx);
  }
}
