import { ENCOUNTER_PATIENT_ID, encounterFactsInput } from '@revcycle/encounters/testing';

import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The tenant comes from the token alone (security.md AUTHZ-2, AUTHZ-5): another practice's object
 * answers 404 with nothing of it in the body, reads and writes alike, whatever the body claims.
 */
describe('tenant isolation through the API', () => {
  let t: TestApp;
  let encounterId: string;
  const asTenant = async (tenant: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${await t.token('clinician', tenant)}`, 'idempotency-key': `${tenant}-${url}-${method}` },
    });

  beforeAll(async () => {
    t = await startTestApp({ runConsumers: false });
    const opened = await asTenant('practice-a', 'POST', '/v1/encounters', { patientId: ENCOUNTER_PATIENT_ID, facts: encounterFactsInput() });
    expect(opened.statusCode).toBe(201);
    encounterId = opened.json().encounterId;
  });
  afterAll(() => t.close());

  it('lets the owning practice read its encounter', async () => {
    const own = await asTenant('practice-a', 'GET', `/v1/encounters/${encounterId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().patientId).toBe(ENCOUNTER_PATIENT_ID);
  });

  it('answers another practice’s token with 404 and no trace of the encounter', async () => {
    const foreign = await asTenant('practice-b', 'GET', `/v1/encounters/${encounterId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.body).not.toContain(ENCOUNTER_PATIENT_ID);
  });

  it('refuses another practice’s write to it without changing it', async () => {
    const foreign = await asTenant('practice-b', 'POST', `/v1/encounters/${encounterId}/void`, { reason: 'duplicate' });
    expect(foreign.statusCode).toBe(404);
    const own = await asTenant('practice-a', 'GET', `/v1/encounters/${encounterId}`);
    expect(own.json().status).not.toBe('voided');
    expect(own.headers.etag).toBe('"1"');
  });

  it('refuses a tenant named in the body', async () => {
    const smuggled = await asTenant('practice-b', 'POST', '/v1/encounters', { tenantId: 'practice-a', patientId: ENCOUNTER_PATIENT_ID, facts: encounterFactsInput() });
    expect(smuggled.statusCode).toBe(400);
    expect(smuggled.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'tenantId' })]));
  });
});
