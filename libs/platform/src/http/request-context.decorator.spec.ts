import { ValidationFailed } from '@revcycle/kernel';

import { parseIfMatch } from './request-context.decorator';

describe('parseIfMatch', () => {
  it('is undefined without the header', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each([
    ['"0"', 0n],
    ['"42"', 42n],
    [' "9007199254740993" ', 9007199254740993n],
  ])('reads %s as a version', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each(['42', 'W/"42"', '"-1"', '"042"', '*', '"1", "2"', '"abc"'])('refuses %s', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ValidationFailed);
  });

  it('refuses the header sent twice', () => {
    expect(() => parseIfMatch(['"1"', '"2"'])).toThrow(ValidationFailed);
  });
});
