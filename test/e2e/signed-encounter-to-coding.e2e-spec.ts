import { ENCOUNTER_PATIENT_ID, encounterFactsInput } from '@revcycle/encounters/testing';
import type { Role } from '@revcycle/kernel';

import { enrollSigningProvider } from '../support/signing-provider';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * From documentation to an approved charge: the practice sets its payer's rules and fees, a clinician
 * signs a session, the coding draft appears on the coders' worklist with its suggested line and price,
 * a coder adjusts and approves it, and an addendum reopens the coding as its next version.
 */
describe('signed encounter to approved coding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, role: Role, body?: object, headers: Record<string, string> = {}) {
    return t.app.inject({ method, url, headers: { authorization: `Bearer ${await t.token(role)}`, ...headers }, payload: body });
  }

  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the consumers did not catch up within 5 seconds');
  }

  const facts = (renderingProviderId: string, endTime: string) =>
    encounterFactsInput({ dateOfService: '2026-03-04', startTime: '2026-03-04T14:00:00Z', endTime, renderingProviderId });
  const draftOf = (encounterId: string) => call('GET', `/v1/coding/drafts/${encounterId}`, 'coder');

  it('codes a signed session, takes the coder’s change and approval, and reopens on an addendum', async () => {
    const clinician = await enrollSigningProvider(t);
    const setup = [
      await call('POST', '/v1/coding/payer-rules', 'admin', { payerId: 'acme-health', payerKind: 'commercial', effectiveFrom: '2026-01-01', credentialModifiersRequired: true, credentialModifiers: { LCSW: 'AJ' } }),
      await call('POST', '/v1/coding/fee-schedules/acme-health/entries', 'admin', { code: '90837', effectiveFrom: '2026-01-01', unitChargeCents: 18000, unitContractedCents: 14250 }),
      await call('POST', '/v1/coding/fee-schedules/acme-health/entries', 'admin', { code: '90834', effectiveFrom: '2026-01-01', unitChargeCents: 14000, unitContractedCents: 11000 }),
      await call('PUT', `/v1/coding/providers/${clinician}/credential`, 'admin', { credential: 'LCSW' }),
      await call('PUT', `/v1/coding/patients/${ENCOUNTER_PATIENT_ID}/payer`, 'front_desk', { payerId: 'acme-health', payerKind: 'commercial', effectiveFrom: '2026-01-01' }),
    ];
    expect(setup.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);

    const opened = await call('POST', '/v1/encounters', 'clinician', { patientId: ENCOUNTER_PATIENT_ID, facts: facts(clinician, '2026-03-04T14:53:00Z') });
    expect(opened.statusCode).toBe(201);
    const { encounterId } = opened.json();
    const signed = await call('POST', `/v1/encounters/${encounterId}/sign`, 'clinician', { signingProviderId: clinician }, { 'if-match': opened.headers.etag as string });
    expect(signed.statusCode).toBe(200);

    const draft = await eventually(() => draftOf(encounterId), (response) => response.statusCode === 200);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      codingVersion: 1,
      payerId: 'acme-health',
      lines: [{ code: '90837', modifiers: ['95', 'AJ'], units: 1, placeOfService: '10', diagnosisPointers: [1, 2], chargeCents: 18000, contractedCents: 14250 }],
    });
    expect(draft.json().findings.filter((finding: { severity: string }) => finding.severity === 'error')).toEqual([]);
    const queue = await eventually(() => call('GET', '/v1/coding/worklist', 'coder'), (response) => response.json().length === 1);
    expect(queue.json()[0]).toMatchObject({ encounterId, status: 'draft', totalChargeCents: 18000, errorRuleIds: [] });

    const changed = await call(
      'PATCH',
      `/v1/coding/drafts/${encounterId}/lines/0`,
      'coder',
      { field: 'diagnosisPointers', diagnosisPointers: [1], reason: 'Only the depressive disorder was treated in this session' },
      { 'if-match': draft.headers.etag as string },
    );
    expect(changed.statusCode).toBe(200);
    const approved = await call('POST', `/v1/coding/drafts/${encounterId}/approval`, 'coder', {}, { 'if-match': changed.headers.etag as string });
    expect(approved.json()).toMatchObject({ status: 'approved', lines: [{ code: '90837', diagnosisPointers: [1] }] });

    const { rows } = await t.db.appPool.query(`SELECT data FROM event_store.events WHERE event_type = 'coding.CodingApproved' AND stream_id = $1`, [`coding-${encounterId}`]);
    expect(rows.map((row) => row.data)).toEqual([
      expect.objectContaining({
        encounterId,
        codingVersion: 1,
        diagnoses: ['F331', 'F411'],
        lines: [expect.objectContaining({ code: '90837', chargeCents: 18000, contractedCents: 14250 })],
        rulesetVersion: expect.any(String),
        codeSetReleaseIds: expect.arrayContaining([expect.stringMatching(/^icd10cm:/)]),
        override: null,
        approvedBy: 'coder-1',
      }),
    ]);
    const activity = await eventually(
      () => call('GET', '/v1/coding/coder-activity?from=2020-01-01&to=2100-12-31', 'biller'),
      (response) => response.json().length === 1 && response.json()[0].approvals === 1,
    );
    expect(activity.json()).toEqual([{ actorId: 'coder-1', lineChanges: 1, approvals: 1, overrides: 0, encounters: 1 }]);

    const addendum = await call(
      'POST',
      `/v1/encounters/${encounterId}/addenda`,
      'clinician',
      { reason: 'correction', changes: { endTime: '2026-03-04T14:45:00Z' }, recordingProviderId: clinician },
      { 'if-match': signed.headers.etag as string },
    );
    expect(addendum.statusCode).toBe(200);
    const reopened = await eventually(() => draftOf(encounterId), (response) => response.json().codingVersion === 2);
    expect(reopened.json()).toMatchObject({ status: 'draft', lines: [{ code: '90834', chargeCents: 14000, contractedCents: 11000 }] });
  });
});
