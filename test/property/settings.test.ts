/**
 * The settings checker reads package.json's schema as ajv, a full JSON
 * Schema validator, does: for any value, it finds no problem exactly when
 * ajv finds the value valid. Values are drawn near each setting's schema
 * (valid ones, and ones broken in one place) and from anywhere.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SEEDS } from './seed';
import Ajv from 'ajv';
import { SETTINGS_SCHEMA } from '../../server/src/service/settings';
import { Schema, check } from '../../server/src/util/jsonSchema';

function near(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 2 });
  const shaped: fc.Arbitrary<unknown>[] = [];
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (schema.enum) shaped.push(fc.constantFrom(...schema.enum));
  if (types.includes('string'))
    shaped.push(fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z][\w.-]{0,70}$/), fc.constant('')));
  if (types.includes('integer') || types.includes('number')) {
    const [min, max] = [schema.minimum ?? 0, schema.maximum ?? 100];
    shaped.push(
      fc.constantFrom(min - 1, min, max, max + 1, min + 0.5),
      fc.integer({ min: min - 3, max: max + 3 }),
      fc.double({ noNaN: true }),
    );
  }
  if (types.includes('array') && schema.items && depth < 3)
    shaped.push(fc.array(near(schema.items, depth + 1), { maxLength: 4 }));
  if (types.includes('object') && depth < 3) {
    const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, near(s, depth + 1)]));
    shaped.push(
      fc
        .tuple(
          fc.record(props, { requiredKeys: [] }),
          fc.dictionary(fc.string({ maxLength: 6 }), anything, { maxKeys: 1 }),
        )
        .map(([a, b]) => ({ ...b, ...a })),
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...(shaped.length ? shaped : [anything])) },
    { weight: 1, arbitrary: anything },
  );
}

for (const { seed, label } of SEEDS)
  describe(`the settings checker against ajv (fast-check, ${label})`, () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) {
      it(`${key}: no problem exactly when ajv says valid`, () => {
        const valid = ajv.compile(schema);
        fc.assert(
          fc.property(near(schema), (value) => {
            const problems: string[] = [];
            const r = check(value, schema, key, problems);
            const ours = r.ok && problems.length === 0;
            assert.equal(
              ours,
              valid(value),
              `${JSON.stringify(value)}: ours ${ours} (${r.ok ? problems.join(' ') : r.why}), ajv ${JSON.stringify(valid.errors)}`,
            );
            // What the checker keeps is always valid.
            if (r.ok)
              assert.equal(valid(r.value), true, `kept ${JSON.stringify(r.value)}: ${JSON.stringify(valid.errors)}`);
          }),
          { seed, numRuns: 2000 },
        );
      });
    }
  });
