import { startTestApp, type TestApp } from '../support/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers a practice', async () => {
    const token = await t.token('admin');
    const body = { legalName: 'Synthetic Counseling LLC', taxId: '12-3456789', groupNpi: '1234567893', billingAddress: { line1: '1 Way', city: 'Springfield', state: 'IL', postalCode: '62701' }, taxonomyCode: '261QM0801X', timeZone: 'America/Chicago' };
    const r = await t.app.inject({ method: 'POST', url: '/v1/practice', headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'k1' }, payload: body });
    console.log(r.statusCode, r.headers.etag, r.body);
    const again = await t.app.inject({ method: 'POST', url: '/v1/practice', headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'k1' }, payload: body });
    console.log(again.statusCode, again.body);
    const bad = await t.app.inject({ method: 'POST', url: '/v1/practice', headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'k2' }, payload: { ...body, groupNpi: '1234567890' } });
    console.log(bad.statusCode, bad.body);
  });
});
