import { ENCOUNTER_PATIENT_ID, encounterFactsInput } from '@revcycle/encounters/testing';
import type { Role } from '@revcycle/kernel';

import { enrollSigningProvider } from '../support/signing-provider';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Documentation to charge: an unscheduled session is recorded, signed and amended, while another
 * left unsigned shows on the charge-lag worklist until its clinician signs it.
 */
describe('encounters journey', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function call(method: 'GET' | 'POST', url: string, role: Role, body?: object, extra: Record<string, string> = {}) {
    const headers = { authorization: `Bearer ${await t.token(role)}`, ...extra };
    return t.app.inject({ method, url, headers, payload: body });
  }

  async function worklistIds(): Promise<string[]> {
    const response = await call('GET', '/v1/encounters/unsigned', 'biller');
    expect(response.statusCode).toBe(200);
    return response.json().items.map((item: { encounterId: string }) => item.encounterId);
  }

  async function eventually(check: () => Promise<boolean>): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the read model did not catch up within 5 seconds');
  }

  it('opens, signs and amends an encounter while the worklist tracks what is still unsigned', async () => {
    const clinician = await enrollSigningProvider(t);
    const facts = encounterFactsInput({ renderingProviderId: clinician });
    const open = (key: string) => call('POST', '/v1/encounters', 'clinician', { patientId: ENCOUNTER_PATIENT_ID, facts }, { 'idempotency-key': key });
    const documented = await open('journey-open-1');
    const forgotten = await open('journey-open-2');
    expect([documented.statusCode, forgotten.statusCode]).toEqual([201, 201]);
    const documentedId = documented.json().encounterId;
    const forgottenId = forgotten.json().encounterId;

    await eventually(async () => (await worklistIds()).length === 2);
    expect(await worklistIds()).toEqual(expect.arrayContaining([documentedId, forgottenId]));

    const colleague = await t.app.inject({
      method: 'POST',
      url: `/v1/encounters/${documentedId}/sign`,
      headers: { authorization: `Bearer ${await t.token('clinician', undefined, 'clinician-2')}` },
      payload: { signingProviderId: clinician },
    });
    expect(colleague.json()).toMatchObject({ status: 422, code: 'ENCOUNTERS.INVALID_SIGNER' });
    const signed = await call('POST', `/v1/encounters/${documentedId}/sign`, 'clinician', { signingProviderId: clinician }, { 'if-match': documented.headers.etag as string });
    expect(signed.json()).toMatchObject({ status: 'signed', version: '2' });
    const addendum = await call(
      'POST',
      `/v1/encounters/${documentedId}/addenda`,
      'clinician',
      { reason: 'correction', changes: { endTime: '2025-03-04T14:45:00Z' }, recordingProviderId: clinician },
      { 'if-match': signed.headers.etag as string },
    );
    expect(addendum.statusCode).toBe(200);
    const current = await call('GET', `/v1/encounters/${documentedId}`, 'coder');
    expect(current.headers.etag).toBe('"3"');
    expect(current.json()).toMatchObject({ status: 'signed', facts: { minutes: 45 }, addendumIds: [expect.any(String)] });

    await eventually(async () => (await worklistIds()).length === 1);
    expect(await worklistIds()).toEqual([forgottenId]);
    const lag = (await call('GET', '/v1/encounters/unsigned', 'admin')).json();
    expect(lag).toMatchObject({ unsignedAfterHours: 24, items: [{ encounterId: forgottenId, hoursUnsigned: expect.any(Number) }] });
  });

  it('answers at most 200 sessions a page and refuses larger pages or foreign cursors (LIM-3)', async () => {
    const tooLarge = await call('GET', '/v1/encounters/unsigned?limit=201', 'biller');
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().errors).toEqual([expect.objectContaining({ path: 'limit' })]);
    const foreign = await call('GET', '/v1/encounters/unsigned?after=bm90IGEgY3Vyc29y', 'biller');
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ path: 'after' })]);
    expect((await call('GET', '/v1/encounters/unsigned?limit=200', 'biller')).statusCode).toBe(200);
  });

  it('keeps the worklist from roles that do not work it', async () => {
    expect((await call('GET', '/v1/encounters/unsigned', 'front_desk')).statusCode).toBe(403);
  });
});
