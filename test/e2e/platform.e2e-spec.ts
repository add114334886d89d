import { startTestApp, type TestApp } from '../support/test-app';

describe('the API on a real database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is ready once migrations are applied and consumers run', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json().details.eventStore).toMatchObject({ database: { up: true }, migrations: { applied: true, pending: [] } });
  });

  it('refuses a request without a token as problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/does-not-matter' });
    expect([401, 404]).toContain(response.statusCode);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expect(response.json().openapi).toMatch(/^3\./);
  });
});
