import { startCodingApi, type CodingApi } from '@revcycle/coding/testing';
import type { Role } from '@revcycle/kernel';

let api: CodingApi;
beforeAll(async () => {
  api = await startCodingApi();
});
afterAll(() => api.close());

async function post(url: string, body: object, role: Role = 'coder') {
  return api.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${await api.token(role)}` }, payload: body });
}

const session = {
  dateOfService: '2026-03-04',
  serviceCategory: 'individual_psychotherapy',
  minutes: 53,
  modality: 'video',
  patientAtHome: true,
  providerCredential: 'LCSW',
  payerKind: 'commercial',
  diagnoses: ['F33.1'],
};

describe('POST /v1/coding/evaluate', () => {
  it('suggests lines with findings, the rule-set version and the code-set releases used', async () => {
    const response = await post('/v1/coding/evaluate', session, 'front_desk');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      lines: [{ code: '90837', modifiers: ['95'], units: 1, placeOfService: '10', diagnosisPointers: [1] }],
      rulesetVersion: expect.any(String),
      codeSetReleaseIds: expect.arrayContaining([expect.stringMatching(/^icd10cm:2025-10-01:/)]),
    });
    expect(response.json().findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('answers a valid request that is not billable with 200, no lines and an error finding', async () => {
    const response = await post('/v1/coding/evaluate', { ...session, minutes: 15 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lines: [], findings: [expect.objectContaining({ severity: 'error', ruleId: 'CODING.PSYCHOTHERAPY.UNDER_16_MINUTES' })] });
  });

  it('refuses an invalid request as problem+json with the field paths', async () => {
    const response = await post('/v1/coding/evaluate', { ...session, serviceCategory: 'massage', minutes: 12.5, diagnoses: ['not-a-code'] });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['serviceCategory', 'minutes', 'diagnoses']));
  });

  it('refuses roles that do not code', async () => {
    expect((await post('/v1/coding/evaluate', session, 'analyst')).statusCode).toBe(403);
  });

  it("uses a registered payer's own rules and fee schedule", async () => {
    const rule = await post('/v1/coding/payer-rules', { payerId: 'state-plan', payerKind: 'medicaid', effectiveFrom: '2026-01-01', videoModifier: 'GT' }, 'admin');
    expect(rule.statusCode).toBe(200);
    const fee = await post('/v1/coding/fee-schedules/state-plan/entries', { code: '90837', effectiveFrom: '2026-01-01', unitChargeCents: 18000, unitContractedCents: 11000 }, 'admin');
    expect(fee.json()).toEqual({ payerId: 'state-plan', entries: [{ code: '90837', effectiveFrom: '2026-01-01', unitChargeCents: 18000, unitContractedCents: 11000 }] });
    const schedule = await api.app.inject({ method: 'GET', url: '/v1/coding/fee-schedules/state-plan', headers: { authorization: `Bearer ${await api.token('biller')}` } });
    expect(schedule.json()).toEqual(fee.json());
    const rules = await api.app.inject({ method: 'GET', url: '/v1/coding/payer-rules', headers: { authorization: `Bearer ${await api.token('coder')}` } });
    expect(rules.json().rules).toEqual([rule.json().rule]);
    const { payerKind: _kind, ...withoutKind } = session;
    const response = await post('/v1/coding/evaluate', { ...withoutKind, payerId: 'state-plan' });
    expect(response.json().lines).toEqual([
      { code: '90837', modifiers: ['GT', 'HO'], units: 1, placeOfService: '10', diagnosisPointers: [1], chargeCents: 18000, contractedCents: 11000 },
    ]);
  });

  it('reports an unregistered payer as an error finding', async () => {
    const { payerKind: _kind, ...withoutKind } = session;
    const response = await post('/v1/coding/evaluate', { ...withoutKind, payerId: 'nobody' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lines: [], findings: [expect.objectContaining({ ruleId: 'CODING.PAYER.NOT_REGISTERED' })] });
  });

  it('lets only admins set payer rules and fee schedules', async () => {
    expect((await post('/v1/coding/payer-rules', { payerKind: 'commercial', effectiveFrom: '2026-01-01' }, 'coder')).statusCode).toBe(403);
    expect((await post('/v1/coding/fee-schedules/x/entries', { code: '90837', effectiveFrom: '2026-01-01', unitChargeCents: 1 }, 'biller')).statusCode).toBe(403);
  });
});
