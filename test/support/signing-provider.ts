import { randomUUID } from 'node:crypto';

import type { TestApp } from './test-app';

/**
 * Enrolls a provider and links the user account that signs as it (by default the journeys'
 * clinician token, `clinician-1`); returns the provider id to record as rendering provider.
 */
export async function enrollSigningProvider(t: TestApp, userId = 'clinician-1'): Promise<string> {
  const post = async (url: string, payload: object): Promise<Record<string, string>> => {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${await t.token('admin')}`, 'idempotency-key': randomUUID() },
      payload,
    });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const { providerId } = await post('/v1/providers', {
    npi: '1234567893',
    displayName: 'Signing Clinician',
    taxonomyCode: '1041C0700X',
    credential: 'LCSW',
    activeFrom: '2025-01-01',
  });
  await post(`/v1/providers/${providerId}/user`, { userId });
  return providerId;
}
