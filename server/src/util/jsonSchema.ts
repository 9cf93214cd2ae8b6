/**
 * Checks a value against a JSON schema, keeping what is valid: a bad item of
 * a list or a bad optional property is dropped with a sentence for the user,
 * and a bad value as a whole is reported to the caller. It reads the subset of
 * JSON Schema that VS Code's settings schemas use (SUPPORTED_KEYWORDS); a unit
 * test checks package.json stays inside it and agrees with ajv.
 */

export interface Schema {
  type?: string | string[];
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** VS Code's own keyword: what a value that does not match `pattern` should be. */
  patternErrorMessage?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  default?: unknown;
}

/** Keywords that constrain a value, and keywords that only describe it. Anything else in a schema is not understood. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'patternErrorMessage',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'default',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'scope',
  'title',
  'order',
]);

export type Checked = { ok: true; value: unknown } | { ok: false; why: string };

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/** Why a value breaks the schema's own constraints (not those of its items or properties), or undefined. */
function scalarProblem(value: unknown, schema: Schema): string | undefined {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.some((t) => hasType(value, t)))
    return `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}, not ${show(value)}`;
  if (schema.enum && !schema.enum.some((e) => e === value))
    return `must be one of ${schema.enum.map(show).join(', ')}, not ${show(value)}`;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      return `must be at least ${schema.minimum}, not ${value}`;
    if (schema.maximum !== undefined && value > schema.maximum)
      return `must be at most ${schema.maximum}, not ${value}`;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      return `must have at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`;
    if (schema.maxLength !== undefined && length > schema.maxLength)
      return `must have at most ${schema.maxLength} characters`;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      return `must be ${schema.patternErrorMessage ?? `text matching ${schema.pattern}`}, not ${show(value)}`;
  }
  return undefined;
}

function checkArray(value: unknown[], schema: Schema, path: string, problems: string[]): Checked {
  if (!schema.items) return { ok: true, value };
  const kept: unknown[] = [];
  value.forEach((item, i) => {
    const r = check(item, schema.items!, `${path}[${i}]`, problems);
    if (r.ok) kept.push(r.value);
    else problems.push(`${r.why}; the entry ${path}[${i}] was ignored.`);
  });
  return { ok: true, value: kept };
}

/** Sets a key as an own property, even `__proto__`, which plain assignment would take as the object's prototype. */
function keep(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function checkObject(value: Record<string, unknown>, schema: Schema, path: string, problems: string[]): Checked {
  const required = schema.required ?? [];
  const missing = required.find((k) => !Object.prototype.hasOwnProperty.call(value, k) || value[k] === undefined);
  if (missing !== undefined) return { ok: false, why: `${path}.${missing} is missing` };
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Own properties only: a key such as "valueOf" or "constructor" names no setting.
    const property =
      schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, key)
        ? schema.properties[key]
        : undefined;
    if (!property) {
      if (schema.additionalProperties === false) problems.push(`${path} takes no "${key}"; it was ignored.`);
      else keep(kept, key, v);
      continue;
    }
    const r = check(v, property, `${path}.${key}`, problems);
    if (r.ok) keep(kept, key, r.value);
    else if (required.includes(key)) return r;
    else problems.push(`${r.why}; it was ignored.`);
  }
  return { ok: true, value: kept };
}

/**
 * The value with its invalid parts removed, or why it is invalid as a whole.
 * `path` names the value in sentences (dsm.serverCatalog.servers); problems
 * with the parts that were removed are added to `problems`.
 */
export function check(value: unknown, schema: Schema, path: string, problems: string[]): Checked {
  const problem = scalarProblem(value, schema);
  if (problem) return { ok: false, why: `${path} ${problem}` };
  if (Array.isArray(value)) return checkArray(value, schema, path, problems);
  if (isRecord(value)) return checkObject(value, schema, path, problems);
  return { ok: true, value };
}

/** Every keyword used anywhere in a schema, for the test that the schema stays inside SUPPORTED_KEYWORDS. */
export function keywordsOf(schema: Schema): Set<string> {
  const found = new Set<string>(Object.keys(schema));
  const children = [schema.items, ...Object.values(schema.properties ?? {})].filter(
    (s): s is Schema => s !== undefined,
  );
  for (const child of children) for (const k of keywordsOf(child)) found.add(k);
  return found;
}
