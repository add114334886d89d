import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('escapes strings and keys exactly as JSON does: quotes, backslashes, controls, lone surrogates', () => {
    const awkward = ['plain', 'say "hi"', 'back\\slash', 'line\nbreak', '\u0000\u001f', '\u007f', '\u2028', 'emoji \ud83d\ude00', 'lone \ud800', 'é'];
    for (const text of awkward) {
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
    }
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ gone: undefined })).toBe('{}');
  });

  it('gives the same bytes whatever order the keys were written in', () => {
    expect(canonicalJson({ amountCents: 100, code: '90837' })).toBe(canonicalJson({ code: '90837', amountCents: 100 }));
  });

  it('leaves out undefined properties and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('writes big integers as strings', () => {
    expect(canonicalJson({ position: 12345678901234567890n })).toBe('{"position":"12345678901234567890"}');
  });

  it.each([1.5, Number.NaN, 2 ** 60])('refuses the non-integer or unsafe number %p', (value) => {
    expect(() => canonicalJson({ value })).toThrow(/integers only/);
  });

  it('orders keys by UTF-16 code units for small and large objects alike', () => {
    // Reference: the default sort, which compares code units (astral characters sort by their surrogates).
    const names = ['b', 'a', 'B', 'A', '_', 'aa', 'a0', 'é', '\uffff', '\ud83d\ude00', '', 'z', 'Z', '10', '9', 'key', 'ke', 'kez', 'x-y', 'x_y'];
    for (const size of [2, 5, 16, 17, names.length]) {
      const chosen = names.slice(0, size).reverse();
      const record = Object.fromEntries(chosen.map((name, at) => [name, at]));
      const expected = `{${[...chosen].sort().map((name) => `${JSON.stringify(name)}:${record[name]}`).join(',')}}`;
      expect(canonicalJson(record)).toBe(expected);
    }
  });
});
