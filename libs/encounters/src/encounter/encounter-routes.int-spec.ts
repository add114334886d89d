import {
  API_TENANT,
  ENCOUNTER_PATIENT_ID,
  RENDERING_PROVIDER_ID,
  SUPERVISOR_ID,
  encounterFactsInput,
  startEncountersApi,
  type EncountersApi,
} from '@revcycle/encounters/testing';
import type { Role } from '@revcycle/kernel';

let api: EncountersApi;
beforeAll(async () => {
  api = await startEncountersApi();
});
afterAll(() => api.close());

interface Call {
  role?: Role;
  /** The token subject; the default `<role>-1` clinician is the rendering provider's account. */
  sub?: string;
  body?: object;
  ifMatch?: string;
  key?: string;
}

async function post(url: string, { role = 'clinician', sub, body = {}, ifMatch, key }: Call = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${await api.token(role, sub)}` };
  if (ifMatch) headers['if-match'] = ifMatch;
  if (key) headers['idempotency-key'] = key;
  return api.app.inject({ method: 'POST', url, headers, payload: body });
}

async function get(url: string, role: Role = 'clinician') {
  return api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await api.token(role)}` } });
}

async function storedTypes(encounterId?: string): Promise<string[]> {
  const { rows } = await api.db.appPool.query(
    `SELECT event_type FROM event_store.events WHERE tenant_id = $1 AND ($2::text IS NULL OR stream_id = $2) ORDER BY global_position`,
    [API_TENANT, encounterId ? `encounter-${encounterId}` : null],
  );
  return rows.map((row) => row.event_type);
}

const openBody = (facts: object = encounterFactsInput()) => ({ patientId: ENCOUNTER_PATIENT_ID, facts });

async function openEncounter(): Promise<string> {
  const response = await post('/v1/encounters', { body: openBody() });
  expect(response.statusCode).toBe(201);
  return response.json().encounterId;
}

describe('encounter routes', () => {
  it('opens an unscheduled encounter as a draft with its version as ETag and a location', async () => {
    const response = await post('/v1/encounters', { role: 'front_desk', body: openBody() });
    expect(response.statusCode).toBe(201);
    const { encounterId } = response.json();
    expect(response.json()).toEqual({ encounterId, status: 'draft', version: '1' });
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/v1/encounters/${encounterId}`);
    const read = await get(`/v1/encounters/${encounterId}`, 'coder');
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toMatchObject({ status: 'draft', facts: { minutes: 53, diagnoses: ['F33.1', 'F41.1'] } });
  });

  it('refuses note text anywhere in the body with its own code and writes nothing', async () => {
    const before = await storedTypes();
    const response = await post('/v1/encounters', { body: openBody({ ...encounterFactsInput(), sessionNotes: 'what was said' }) });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'ENCOUNTERS.INVALID_CLINICAL_NOTE_TEXT' });
    expect(response.json().detail).toContain('facts.sessionNotes');
    expect(await storedTypes()).toEqual(before);
  });

  it('refuses a malformed diagnosis with a 400 naming the field', async () => {
    const response = await post('/v1/encounters', { body: openBody(encounterFactsInput({ diagnoses: ['F33.1', 'nope'] })) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'facts.diagnoses' })]);
  });

  it('answers 403 to a role the route does not admit', async () => {
    expect((await post('/v1/encounters', { role: 'coder', body: openBody() })).statusCode).toBe(403);
    const encounterId = await openEncounter();
    const bySignerOfWrongRole = await post(`/v1/encounters/${encounterId}/sign`, { role: 'front_desk', body: { signingProviderId: RENDERING_PROVIDER_ID } });
    expect(bySignerOfWrongRole.statusCode).toBe(403);
    expect(await storedTypes(encounterId)).toEqual(['encounters.EncounterOpened']);
  });

  it('revises a draft, then signing locks it against revision', async () => {
    const encounterId = await openEncounter();
    const revised = await post(`/v1/encounters/${encounterId}/revise`, {
      ifMatch: '"1"',
      body: { facts: encounterFactsInput({ endTime: '2025-03-04T14:45:00Z' }) },
    });
    expect(revised.json()).toEqual({ encounterId, status: 'draft', version: '2' });
    const signed = await post(`/v1/encounters/${encounterId}/sign`, { ifMatch: '"2"', body: { signingProviderId: RENDERING_PROVIDER_ID } });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toEqual({ encounterId, status: 'signed', version: '3' });
    const again = await post(`/v1/encounters/${encounterId}/revise`, { body: { facts: encounterFactsInput() } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ENCOUNTERS.ALREADY_SIGNED');
    expect(await storedTypes(encounterId)).toEqual([
      'encounters.EncounterOpened',
      'encounters.EncounterFactsRevised',
      'encounters.EncounterSigned',
    ]);
  });

  it('refuses a signer who neither rendered nor supervised the session', async () => {
    const encounterId = await openEncounter();
    const response = await post(`/v1/encounters/${encounterId}/sign`, { body: { signingProviderId: SUPERVISOR_ID } });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('ENCOUNTERS.INVALID_SIGNER');
  });

  it('refuses a clinician signing or amending as a provider whose account they are not, and writes nothing', async () => {
    const encounterId = await openEncounter();
    const asColleague = await post(`/v1/encounters/${encounterId}/sign`, { sub: 'clinician-2', body: { signingProviderId: RENDERING_PROVIDER_ID } });
    expect(asColleague.statusCode).toBe(422);
    expect(asColleague.json()).toMatchObject({ code: 'ENCOUNTERS.INVALID_SIGNER', detail: expect.stringContaining('does not act as provider') });
    expect(await storedTypes(encounterId)).toEqual(['encounters.EncounterOpened']);
    await post(`/v1/encounters/${encounterId}/sign`, { body: { signingProviderId: RENDERING_PROVIDER_ID } });
    const amendedByColleague = await post(`/v1/encounters/${encounterId}/addenda`, {
      sub: 'clinician-2',
      body: { reason: 'late_entry', changes: { diagnoses: ['F33.1'] }, recordingProviderId: RENDERING_PROVIDER_ID },
    });
    expect(amendedByColleague.json()).toMatchObject({ code: 'ENCOUNTERS.INVALID_SIGNER' });
    expect(await storedTypes(encounterId)).toEqual(['encounters.EncounterOpened', 'encounters.EncounterSigned']);
  });

  it('records an addendum after signing, then voids the encounter as entered in error', async () => {
    const encounterId = await openEncounter();
    await post(`/v1/encounters/${encounterId}/sign`, { body: { signingProviderId: RENDERING_PROVIDER_ID } });
    const addendum = await post(`/v1/encounters/${encounterId}/addenda`, {
      body: { reason: 'late_entry', changes: { diagnoses: ['F33.1'] }, recordingProviderId: RENDERING_PROVIDER_ID },
    });
    expect(addendum.json()).toEqual({ encounterId, status: 'signed', version: '3' });
    expect((await get(`/v1/encounters/${encounterId}`)).json()).toMatchObject({ facts: { diagnoses: ['F33.1'] }, addendumIds: [expect.any(String)] });
    const voided = await post(`/v1/encounters/${encounterId}/void`, { role: 'admin', body: { reason: 'wrong_patient' } });
    expect(voided.json()).toEqual({ encounterId, status: 'voided', version: '4' });
    const signAfterVoid = await post(`/v1/encounters/${encounterId}/sign`, { body: { signingProviderId: RENDERING_PROVIDER_ID } });
    expect(signAfterVoid.json().code).toBe('ENCOUNTERS.ALREADY_VOIDED');
  });

  it('answers 412 with the current version to a stale If-Match and writes nothing', async () => {
    const encounterId = await openEncounter();
    await post(`/v1/encounters/${encounterId}/revise`, { body: { facts: encounterFactsInput({ endTime: '2025-03-04T14:40:00Z' }) } });
    const stale = await post(`/v1/encounters/${encounterId}/sign`, { ifMatch: '"1"', body: { signingProviderId: RENDERING_PROVIDER_ID } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'EVENT_STORE.VERSION_CONFLICT', currentVersion: '2' });
    expect(await storedTypes(encounterId)).toHaveLength(2);
  });

  it('answers a retried request with the same Idempotency-Key from the ledger, once', async () => {
    const first = await post('/v1/encounters', { key: 'open-retry-1', body: openBody() });
    const retry = await post('/v1/encounters', { key: 'open-retry-1', body: openBody() });
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(await storedTypes(first.json().encounterId)).toEqual(['encounters.EncounterOpened']);
    const reused = await post('/v1/encounters', { key: 'open-retry-1', body: openBody(encounterFactsInput({ diagnoses: ['F43.10'] })) });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('EVENT_STORE.IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 404 for an encounter that does not exist in this tenant', async () => {
    const response = await get('/v1/encounters/0190a8f2-4c1e-7a10-9d2b-00000000ffff');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('ENCOUNTERS.ENCOUNTER_NOT_FOUND');
  });
});
