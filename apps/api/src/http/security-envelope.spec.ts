import { Body, Controller, Get, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';
import { IsString } from 'class-validator';

import { buildSpecApp, specToken } from './api-spec.fixture';

class NoteDto {
  @IsString()
  note: string;
}

@Controller('envelope')
class EnvelopeSpecController {
  @Post('context')
  @Roles('biller', 'admin')
  context(@Ctx() context: CommandContext, @Body() _body: NoteDto): CommandContext {
    return context;
  }

  @Get('undeclared')
  undeclared(): string {
    return 'should never be served';
  }
}

const claims = { sub: 'user-17', tenant: 'practice-a', role: 'biller' };

describe('security envelope', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await buildSpecApp([EnvelopeSpecController], { enforceRouteAccess: false });
  });
  afterAll(() => app.close());

  const post = (token: string | undefined, body: object = { note: 'x' }, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/envelope/context',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      payload: body,
    });

  it('admits a valid token whose role the route lists', async () => {
    const response = await post(await specToken(claims));
    expect(response.statusCode).toBe(201);
  });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', () => specToken(claims, { expiresIn: -60 })],
    ['a token not valid yet', () => specToken(claims, { notBeforeIn: 600 })],
    ['a wrong signature', () => specToken(claims, { secret: 'another-secret-that-is-long-enough-for-hs256-xx' })],
    ['a wrong audience', () => specToken(claims, { audience: 'some-other-api' })],
    ['a wrong issuer', () => specToken(claims, { issuer: 'https://evil.test' })],
    ['a missing role', () => specToken({ sub: 'user-17', tenant: 'practice-a' })],
    ['an unknown role', () => specToken({ ...claims, role: 'superuser' })],
    ['a missing tenant', () => specToken({ sub: 'user-17', role: 'biller' })],
    ['alg none', async () => unsignedToken(claims)],
  ])('refuses %s with 401 problem+json', async (_case, make) => {
    const response = await post(await make());
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a valid token whose role the route does not list with 403', async () => {
    const response = await post(await specToken({ ...claims, role: 'analyst' }));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ status: 403, code: 'HTTP.FORBIDDEN' });
  });

  it('refuses a route without @Roles even to an admin token', async () => {
    const token = await specToken({ ...claims, role: 'admin' });
    const response = await app.inject({ method: 'GET', url: '/envelope/undeclared', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('should never be served');
  });

  it('takes the tenant and actor from the token and refuses a tenantId in the body', async () => {
    const token = await specToken(claims);
    const refused = await post(token, { note: 'x', tenantId: 'practice-b' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: 'tenantId', message: 'is not an accepted field' }]);

    const accepted = await post(token, { note: 'x' });
    expect(accepted.json()).toMatchObject({ tenantId: 'practice-a', actor: { id: 'user-17', role: 'biller' } });
  });

  it('carries request, correlation and idempotency ids into the context and echoes the request id', async () => {
    const response = await post(await specToken(claims), { note: 'x' }, {
      'x-request-id': 'req-123',
      'x-correlation-id': 'corr-9',
      'idempotency-key': 'cmd-42',
    });
    expect(response.headers['x-request-id']).toBe('req-123');
    expect(response.json()).toMatchObject({ requestId: 'req-123', correlationId: 'corr-9', commandId: 'cmd-42' });
    expect(Date.parse(response.json().now)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('generates a request id when the caller sends an unsafe one and uses it as correlation id', async () => {
    const response = await post(await specToken(claims), { note: 'x' }, { 'x-request-id': 'bad id with spaces' });
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json()).toMatchObject({ requestId, correlationId: requestId });
  });

  it('refuses an Idempotency-Key longer than 128 characters', async () => {
    const response = await post(await specToken(claims), { note: 'x' }, { 'idempotency-key': 'k'.repeat(129) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('headers.idempotency-key');
  });

  it('refuses to start while a route declares neither roles nor @Public', async () => {
    await expect(buildSpecApp([EnvelopeSpecController])).rejects.toThrow('EnvelopeSpecController.undeclared');
  });
});

function unsignedToken(payload: object): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 600;
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...payload, exp, iss: 'https://idp.revcycle.test', aud: 'revcycle-api' })}.`;
}
