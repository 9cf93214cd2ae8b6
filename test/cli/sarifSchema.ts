/**
 * The official SARIF 2.1.0 schema, from the npm package @microsoft/jest-sarif
 * (it ships SARIF 2.1.0-rtm.5, the schema of the OASIS standard's final
 * release candidate, written in JSON Schema draft-04, hence ajv-draft-04;
 * ajv-formats checks its `uri` formats).
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';

export const SARIF_SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

export function sarifValidator() {
  // The schema's pattern for language tags is not valid under the `u` flag ajv uses by default.
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, 'utf8')));
}

export function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  return log;
}
