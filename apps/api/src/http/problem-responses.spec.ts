import { Body, Controller, Param, Post, Put, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@revcycle/kernel';
import { IfMatch, Roles, setETag } from '@revcycle/platform';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsString, Matches, Min, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import { buildSpecApp, specToken } from './api-spec.fixture';

class LineDto {
  @Matches(/^\d{5}$/)
  procedureCode: string;

  @IsInt()
  @Min(1)
  units: number;
}

class ChargeDto {
  @IsString()
  encounterId: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => LineDto)
  lines: LineDto[];
}

const FAILURES: Record<string, () => unknown> = {
  'not-found': () => new DomainError('CLAIMS.CLAIM_NOT_FOUND', 'Claim was not found'),
  already: () => new DomainError('CLAIMS.ALREADY_SUBMITTED', 'Claim was already submitted'),
  'not-ready': () => new DomainError('CLAIMS.NOT_READY_FOR_SUBMISSION', 'Coding is not approved'),
  invalid: () => new DomainError('CODING.INVALID_MODIFIER', 'Modifier 95 needs a telehealth place of service'),
  conflict: () => new DomainError('EVENT_STORE.VERSION_CONFLICT', 'Stream moved on', { actualVersion: '7' }),
  reused: () => new DomainError('EVENT_STORE.IDEMPOTENCY_KEY_REUSED', 'Key reused'),
  crash: () => new Error('patient Zelda Fitzgerald broke the projector'),
};

@Controller('charges')
@Roles('biller')
class ChargeSpecController {
  @Post()
  record(@Body() body: ChargeDto): { lines: number } {
    return { lines: body.lines.length };
  }

  @Post('fail/:kind')
  fail(@Param('kind') kind: string): never {
    throw FAILURES[kind]();
  }

  @Put('versioned')
  versioned(@IfMatch() expected: bigint | undefined, @Res({ passthrough: true }) reply: FastifyReply): { expected: string | null } {
    if (expected === 7n) throw FAILURES.conflict();
    setETag(reply, (expected ?? 0n) + 1n);
    return { expected: expected === undefined ? null : expected.toString() };
  }
}

describe('problem+json responses', () => {
  let app: NestFastifyApplication;
  let authorization: string;

  beforeAll(async () => {
    app = await buildSpecApp([ChargeSpecController]);
    authorization = `Bearer ${await specToken({ sub: 'user-3', tenant: 'practice-a', role: 'biller' })}`;
  });
  afterAll(() => app.close());

  const send = (method: 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      payload: payload as string | undefined,
      headers: { authorization, ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    });

  it('reports nested validation errors with field paths and refuses unknown fields', async () => {
    const response = await send('POST', '/charges', {
      encounterId: 'enc-1',
      lines: [{ procedureCode: '90837', units: 1 }, { procedureCode: '90837', units: 2 }, { procedureCode: '9083', units: 0, fee: 5 }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', instance: '/charges' });
    expect(problem.errors.map((error: { path: string }) => error.path).sort()).toEqual(
      ['lines[2].fee', 'lines[2].procedureCode', 'lines[2].units'],
    );
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('accepts a valid body', async () => {
    const response = await send('POST', '/charges', { encounterId: 'enc-1', lines: [{ procedureCode: '90837', units: 1 }] });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ lines: 1 });
  });

  it('answers 413 to a body over 1 MB', async () => {
    const response = await send('POST', '/charges', JSON.stringify({ encounterId: 'x'.repeat(1_100_000), lines: [] }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, code: 'HTTP.PAYLOAD_TOO_LARGE' });
  });

  it.each(['__proto__', 'constructor'])('refuses a body with a %s key', async (key) => {
    const payload = `{"encounterId":"e","lines":[{"procedureCode":"90837","units":1,"${key}":{"prototype":{"isAdmin":true}}}]}`;
    const response = await send('POST', '/charges', payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('does not echo malformed JSON back', async () => {
    const response = await send('POST', '/charges', '{"encounterId": "Zelda Fitzgerald",');
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('Zelda');
  });

  it.each([
    ['not-found', 404],
    ['already', 409],
    ['not-ready', 422],
    ['invalid', 422],
    ['reused', 422],
  ])('maps the %s error family to %i', async (kind, status) => {
    const response = await send('POST', `/charges/fail/${kind}`);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ status, instance: `/charges/fail/${kind}` });
  });

  it('answers a version conflict with 409 and the current version', async () => {
    const response = await send('POST', '/charges/fail/conflict');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'EVENT_STORE.VERSION_CONFLICT', currentVersion: '7' });
  });

  it('answers a stale If-Match with 412 and sets ETag on success', async () => {
    const stale = await send('PUT', '/charges/versioned', undefined, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().currentVersion).toBe('7');

    const fresh = await send('PUT', '/charges/versioned', undefined, { 'if-match': '"8"' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).toBe('"9"');
    expect(fresh.json()).toEqual({ expected: '8' });
  });

  it('refuses a malformed If-Match with 400', async () => {
    const response = await send('PUT', '/charges/versioned', undefined, { 'if-match': 'W/"8"' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('headers.if-match');
  });

  it('answers an unexpected failure with a generic 500 holding no message or stack', async () => {
    const response = await send('POST', '/charges/fail/crash');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/Zelda|projector|at .*\.ts/);
    expect(response.json()).toMatchObject({ status: 500, detail: 'The server could not complete the request' });
  });
});
