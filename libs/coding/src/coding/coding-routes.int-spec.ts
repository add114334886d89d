import { CODING_PATIENT_ID, CODING_PROVIDER_ID, CODING_TENANT, codingMetadata, encounterSigned, eventually, signedFacts, startCodingApi, type CodingApi } from '@revcycle/coding/testing';
import { ConsumerRunner, type PgEventStore } from '@revcycle/event-store';
import { newId, type Role } from '@revcycle/kernel';

import { OpenCodingDraftWhenEncounterSigned } from '../policies/open-coding-draft-when-encounter-signed.policy';

let api: CodingApi;
let runner: ConsumerRunner;
let policy: OpenCodingDraftWhenEncounterSigned;
beforeAll(async () => {
  api = await startCodingApi();
  policy = api.app.get(OpenCodingDraftWhenEncounterSigned);
  runner = new ConsumerRunner(api.db.appPool, api.store as PgEventStore, [policy], { instanceId: 'routes-spec' });
});
afterAll(() => api.close());

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, role: Role, body?: object, headers: Record<string, string> = {}) {
  return api.app.inject({ method, url, headers: { authorization: `Bearer ${await api.token(role)}`, ...headers }, payload: body });
}

async function signedDraft(patientId = CODING_PATIENT_ID): Promise<string> {
  const encounterId = newId();
  const signed = encounterSigned(signedFacts({ diagnoses: ['F33.1', 'F41.1'] }), encounterId);
  const event = { ...signed, data: { ...signed.data, patientId } };
  await api.store.appendToStream(`encounter-${encounterId}`, [{ ...event, eventId: newId(), schemaVersion: 1, metadata: codingMetadata() }], { expected: 'no_stream', tenantId: CODING_TENANT });
  await eventually(async () => {
    await runner.catchUp(policy);
    return (await api.store.readStream(`coding-${encounterId}`, { tenantId: CODING_TENANT })).length > 0;
  });
  return encounterId;
}

beforeAll(async () => {
  expect((await call('PUT', `/v1/coding/patients/${CODING_PATIENT_ID}/payer`, 'front_desk', { payerKind: 'commercial', effectiveFrom: '2026-01-01' })).statusCode).toBe(200);
  expect((await call('PUT', `/v1/coding/providers/${CODING_PROVIDER_ID}/credential`, 'admin', { credential: 'LCSW' })).statusCode).toBe(200);
});

describe('coding draft routes', () => {
  it('shows the draft with its version as ETag and answers 404 for an encounter never coded', async () => {
    const encounterId = await signedDraft();
    const draft = await call('GET', `/v1/coding/drafts/${encounterId}`, 'coder');
    expect(draft.statusCode).toBe(200);
    expect(draft.headers.etag).toBe('"1"');
    expect(draft.json()).toMatchObject({ encounterId, status: 'draft', codingVersion: 1, payerKind: 'commercial', lines: [{ code: '90837' }] });
    const missing = await call('GET', `/v1/coding/drafts/${newId()}`, 'coder');
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'CODING.CODING_NOT_FOUND']);
  });

  it('changes a line with If-Match, refuses a stale version with 412 and a blocked approval with 422', async () => {
    const encounterId = await signedDraft();
    const url = `/v1/coding/drafts/${encounterId}`;
    const changed = await call('PATCH', `${url}/lines/0`, 'coder', { field: 'units', units: 2, reason: 'Testing the unit rule' }, { 'if-match': '"1"' });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json().findings).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'CODING.PSYCHOTHERAPY.ONE_UNIT' }));
    const stale = await call('PATCH', `${url}/lines/0`, 'coder', { field: 'units', units: 1, reason: 'Back to one' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const blocked = await call('POST', `${url}/approval`, 'coder', {});
    expect([blocked.statusCode, blocked.json().code]).toEqual([422, 'CODING.APPROVAL_BLOCKED_BY_FINDINGS']);
    expect((await call('PATCH', `${url}/lines/0`, 'coder', { field: 'units', units: 1, reason: 'Back to one' })).statusCode).toBe(200);
    const approved = await call('POST', `${url}/approval`, 'coder', {});
    expect(approved.json()).toMatchObject({ status: 'approved', codingVersion: 1 });
    const again = await call('POST', `${url}/approval`, 'coder', {});
    expect([again.statusCode, again.json().code]).toEqual([409, 'CODING.CODING_ALREADY_APPROVED']);
  });

  it('refreshes a draft opened before the patient had a payer, once the payer is recorded', async () => {
    const patientId = newId();
    const encounterId = await signedDraft(patientId);
    const url = `/v1/coding/drafts/${encounterId}`;
    expect((await call('GET', url, 'coder')).json()).toMatchObject({ lines: [], findings: [expect.objectContaining({ ruleId: 'CODING.PAYER.MISSING' })] });
    await call('PUT', `/v1/coding/patients/${patientId}/payer`, 'biller', { payerKind: 'medicaid', effectiveFrom: '2026-01-01' });
    const refreshed = await call('POST', `${url}/refresh`, 'coder');
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json()).toMatchObject({ payerKind: 'medicaid', lines: [{ code: '90837', modifiers: ['95', 'HO'] }] });
    expect(refreshed.headers.etag).toBe('"2"');
  });

  it('refuses a change without a reason or with a field of the wrong shape, and coding by other roles', async () => {
    const encounterId = await signedDraft();
    const url = `/v1/coding/drafts/${encounterId}/lines/0`;
    const noReason = await call('PATCH', url, 'coder', { field: 'units', units: 1 });
    expect(noReason.statusCode).toBe(400);
    const badModifiers = await call('PATCH', url, 'coder', { field: 'modifiers', modifiers: ['TOOLONG'], reason: 'x y z' });
    expect(badModifiers.statusCode).toBe(400);
    expect(badModifiers.json().errors.map((error: { path: string }) => error.path)).toContainEqual(expect.stringMatching(/^modifiers/));
    expect((await call('PATCH', url, 'biller', { field: 'units', units: 1, reason: 'not mine' })).statusCode).toBe(403);
    expect((await call('POST', `/v1/coding/drafts/${encounterId}/approval`, 'clinician', {})).statusCode).toBe(403);
  });
});
