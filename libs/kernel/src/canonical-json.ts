/**
 * Canonical JSON in the spirit of RFC 8785: object keys sorted, no whitespace, integers only.
 * The event store hashes these bytes, never PostgreSQL's jsonb text, which reorders keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
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
      const keys = sortedKeys(record);
      let text = '';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        text += `${text ? ',' : '{'}${quotedKey(key)}:${canonicalJson(item)}`;
      }
      return text ? `${text}}` : '{}';
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/**
 * Own keys in UTF-16 code-unit order, as RFC 8785 asks (the order of `<` on strings and of the
 * default sort). Small objects, nearly all of them, are sorted in place: the default sort allocates
 * a work area per call, and every object of every event appended passes here.
 */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Characters JSON.stringify escapes: controls, quote, backslash, and surrogates (lone ones are escaped). */
const NEEDS_ESCAPING = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** Ids, codes and dates need no escaping: quoted directly, which is twice as fast as JSON.stringify. */
function quote(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Property names repeat across every event of a type, so their quoted form is kept. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quote(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}
