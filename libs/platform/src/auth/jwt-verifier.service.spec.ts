import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

import { JwtVerifier } from './jwt-verifier.service';

const claims = { sub: 'user-1', tenant: 'practice-a', role: 'coder' };

/** A production-shaped setup: an identity provider publishing one RS256 key under kid `k1`. */
describe('JwtVerifier with a JWKS URL', () => {
  let server: Server;
  let verifier: JwtVerifier;
  let signingKey: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    server = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new JwtVerifier({ key: { kind: 'jwks', url: new URL(`http://127.0.0.1:${port}/jwks.json`) }, audience: 'revcycle-api' });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sign = (key: CryptoKey | Uint8Array, header: { alg: string; kid?: string }, payload: JWTPayload = claims) =>
    new SignJWT(payload).setProtectedHeader(header).setAudience('revcycle-api').setSubject(String(payload.sub)).setExpirationTime('5m').sign(key);

  it('accepts a token signed by the published key', async () => {
    await expect(verifier.verify(await sign(signingKey, { alg: 'RS256', kid: 'k1' }))).resolves.toEqual({
      tenantId: 'practice-a',
      actor: { id: 'user-1', role: 'coder' },
    });
  });

  it.each([
    ['an unknown kid', async () => sign(signingKey, { alg: 'RS256', kid: 'k9' })],
    ['a key the provider never published', async () => sign(otherKey, { alg: 'RS256', kid: 'k1' })],
    ['an HMAC token (algorithm confusion)', async () => sign(new TextEncoder().encode('x'.repeat(32)), { alg: 'HS256', kid: 'k1' })],
  ])('refuses %s', async (_case, make) => {
    await expect(verifier.verify(await make())).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setAudience('revcycle-api').sign(signingKey);
    await expect(verifier.verify(token)).rejects.toThrow('claim "exp"');
  });
});

describe('JwtVerifier remembering verified tokens', () => {
  const secret = new TextEncoder().encode('s'.repeat(48));
  const verifier = new JwtVerifier({ key: { kind: 'secret', secret }, audience: 'revcycle-api' });
  const issue = (expiresInSeconds: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('revcycle-api')
      .setSubject('user-1')
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
      .sign(secret);

  it('still refuses a remembered token once it has expired', async () => {
    const token = await issue(30);
    await expect(verifier.verify(token)).resolves.toMatchObject({ tenantId: 'practice-a' });
    await expect(verifier.verify(token, Date.now() + 40_000)).rejects.toThrow('expired');
  });

  it('checks the signature of a token that differs from a remembered one by a single byte', async () => {
    const token = await issue(300);
    await verifier.verify(token);
    const tampered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ status: 401 });
  });
});
