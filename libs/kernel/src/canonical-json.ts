/**
 * Canonical JSON in the spirit of RFC 8785: object keys sorted, no whitespace, integers only.
 * The event store hashes these bytes, never PostgreSQL's jsonb text, which reorders keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError('canonical JSON holds integers only: send money as cents and big numbers as strings');
      }
      return String(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object': {
      // Built in one pass: every event appended is serialised here, on the request path.
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonicalJson(value[i] ?? null);
        return `${text}]`;
      }
      const record = value as Record<string, unknown>;
      // The default sort orders strings by UTF-16 code units, as RFC 8785 asks.
      const keys = Object.keys(record).sort();
      let text = '{';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
      }
      return `${text}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
