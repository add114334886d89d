import { createPinoLogger, PinoLoggerService, scrub } from './logger.service';

describe('scrub', () => {
  it('censors PHI keys at any depth, whatever their case', () => {
    const scrubbed = scrub({ claim: { subscriber: { LastName: 'Fitzgerald', memberId: 'M1', address: { line: '1 Main' } } }, count: 2 }, 0);
    expect(scrubbed).toEqual({ claim: { subscriber: { LastName: '[REDACTED]', memberId: '[REDACTED]', address: '[REDACTED]' } }, count: 2 });
  });

  it('flattens line breaks in strings and keeps error type and stack', () => {
    const scrubbed = scrub({ note: 'a\r\nb', err: new RangeError('bad\nthing') }, 0) as { note: string; err: Record<string, string> };
    expect(scrubbed.note).toBe('a b');
    expect(scrubbed.err).toMatchObject({ type: 'RangeError', message: 'bad thing' });
    expect(scrubbed.err.stack).not.toMatch(/[\r\n]/);
  });
});

describe('PinoLoggerService', () => {
  it('writes Nest messages as JSON lines with their context and without the authorization header', () => {
    const lines: string[] = [];
    const logger = new PinoLoggerService(createPinoLogger({ destination: { write: (line: string) => void lines.push(line) } }));
    logger.log('Mapped {/claims, POST}\nforged', 'RouterExplorer');
    logger.warn({ headers: { authorization: 'Bearer abc.def.ghi' } }, 'Http');
    logger.error('boom', 'Error: boom\n    at handler (claims.ts:1:1)', 'ExceptionsHandler');
    const records = lines.map((line) => JSON.parse(line));
    expect(records[0]).toMatchObject({ level: 30, context: 'RouterExplorer', msg: 'Mapped {/claims, POST} forged' });
    expect(records[1].detail.headers.authorization).toBe('[REDACTED]');
    expect(records[2]).toMatchObject({ level: 50, context: 'ExceptionsHandler', msg: 'boom' });
    expect(records[2].stack).toContain('at handler');
  });
});
