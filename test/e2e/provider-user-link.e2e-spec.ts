import { randomUUID } from 'node:crypto';

import type { Role } from '@revcycle/kernel';

import { enrollSigningProvider } from '../support/signing-provider';
import { startTestApp, type TestApp } from '../support/test-app';

/** An admin names the account that acts as a provider; encounters then admit only that account as its signer. */
describe('linking a provider to its user account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function link(providerId: string, body: object, role: Role = 'admin', extra: Record<string, string> = {}) {
    const headers = { authorization: `Bearer ${await t.token(role)}`, 'idempotency-key': randomUUID(), ...extra };
    return t.app.inject({ method: 'POST', url: `/v1/providers/${providerId}/user`, headers, payload: body });
  }

  it('links, relinks the same account without a new version, and replaces it with another', async () => {
    const providerId = await enrollSigningProvider(t, 'clinician-7');
    const again = await link(providerId, { userId: 'clinician-7' });
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe('"2"');
    const replaced = await link(providerId, { userId: 'clinician-8' }, 'admin', { 'if-match': '"2"' });
    expect(replaced.json()).toEqual({ providerId, version: '3' });
    expect(replaced.headers.etag).toBe('"3"');
  });

  it('refuses other roles, unknown providers and malformed accounts, writing nothing', async () => {
    const providerId = await enrollSigningProvider(t, 'clinician-9');
    expect((await link(providerId, { userId: 'clinician-10' }, 'front_desk')).statusCode).toBe(403);
    const unknown = await link(randomUUID(), { userId: 'clinician-10' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'SCHEDULING.PROVIDER_NOT_FOUND' });
    const malformed = await link(providerId, { userId: 'two words' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ path: 'userId' })]);
    const stale = await link(providerId, { userId: 'clinician-10' }, 'admin', { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await link(providerId, { userId: 'clinician-9' })).headers.etag).toBe('"2"');
  });
});
