import type { ProfessionalClaimSet } from '../src/837p/professional-claim';

// Fields the generator upper-cases (x12.md §2.2: names upper-case); everything else goes out verbatim.
const UPPER = new Set(['last', 'first', 'middle', 'suffix', 'name', 'organizationName', 'line1', 'line2', 'city', 'contactName']);

function upper(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return UPPER.has(key) ? value.toUpperCase() : value;
  if (Array.isArray(value)) return value.map((v) => upper(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, upper(v, k)]));
  }
  return value;
}

/** What a claim set looks like after generation and reading back: the same values, names upper-cased. */
export function asWritten(set: ProfessionalClaimSet): ProfessionalClaimSet {
  return upper(set) as ProfessionalClaimSet;
}
