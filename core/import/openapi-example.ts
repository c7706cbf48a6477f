// An example value for a JSON schema (OpenAPI's dialect, dereferenced): the schema's own
// example or default, else the first enum value, else a value of its type; objects and arrays
// built from their parts down to a bounded depth (a dereferenced schema may be circular).
type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

const STRING_FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  email: 'user@example.com',
  uuid: '00000000-0000-0000-0000-000000000000',
  uri: 'https://example.com/',
};

export function exampleOf(schema: unknown, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return null;
  const s = schema as Schema;
  if (s['example'] !== undefined) return s['example'];
  if (s['default'] !== undefined) return s['default'];
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  for (const key of ['oneOf', 'anyOf'] as const) if (Array.isArray(s[key]) && s[key].length > 0) return exampleOf(s[key][0], depth + 1);
  if (Array.isArray(s['allOf'])) return Object.assign({}, ...s['allOf'].map((p) => exampleOf(p, depth + 1)).filter((v) => v && typeof v === 'object'));
  const type = Array.isArray(s['type']) ? s['type'][0] : s['type'];
  if (type === 'object' || s['properties']) {
    const props = (s['properties'] ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, exampleOf(v, depth + 1)]));
  }
  if (type === 'array') return [exampleOf(s['items'], depth + 1)];
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return true;
  if (type === 'string') return STRING_FORMATS[String(s['format'])] ?? 'string';
  return null;
}

/** A parameter's example as text (its variable's value). */
export function exampleText(p: { example?: unknown; schema?: unknown; default?: unknown; type?: unknown; enum?: unknown }): string {
  const v = p.example ?? (p.schema ? exampleOf(p.schema) : exampleOf(p));
  return v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}
