/**
 * --config: the extension's settings from a JSON file, read by the server's
 * own settings checker (nested `{"severity": ...}`, dotted
 * `{"serverCatalog.mode": ...}` and full `{"dsm.severity": ...}` keys, or a
 * whole `{"dsm": {...}}`). A file that cannot be read or is not JSON stops
 * the run; a bad value is reported and replaced by its default, as in the
 * editor, and the run exits 2 at the end.
 */
import { readFileSync } from 'fs';
import { checkSettings, CheckedSettings } from '../service/settings';

export function loadSettings(file: string | undefined): CheckedSettings | { error: string } {
  if (file === undefined) return checkSettings(undefined);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const why =
      e instanceof SyntaxError ? `it is not valid JSON (${e.message})` : `cannot read it (${(e as Error).message})`;
    return { error: `--config ${file}: ${why}.` };
  }
  return checkSettings(raw);
}
