import { resolveCorsPolicy } from './cors-policy';

describe('the CORS allow-list', () => {
  it('given no origins, then it lists none and the API sends no CORS headers', () => {
    expect(resolveCorsPolicy({}).options()).toBeUndefined();
    expect(resolveCorsPolicy({ CORS_ALLOWED_ORIGINS: ' , ' }).origins).toEqual([]);
  });

  it('given https origins and loopback development origins, then it admits exactly those', () => {
    const policy = resolveCorsPolicy({ CORS_ALLOWED_ORIGINS: 'https://app.example.org, http://localhost:5173,https://app.example.org,http://[::1]:8080' });
    expect(policy.origins).toEqual(['https://app.example.org', 'http://localhost:5173', 'http://[::1]:8080']);
    expect(policy.options()).toMatchObject({ origin: policy.origins, credentials: false, strictPreflight: true });
  });

  it.each([
    ['*', /every page/],
    ['null', /every page/],
    ['https://app.example.org/', /as browsers send it \(that would be https:\/\/app\.example\.org\)/],
    ['https://app.example.org/billing', /as browsers send it/],
    ['https://App.Example.org', /as browsers send it/],
    ['http://app.example.org', /must use https/],
    ['ftp://files.example.org', /must use https/],
    ['app.example.org', /is not an origin/],
  ])('refuses to start with %p in the list', (entry, reason) => {
    expect(() => resolveCorsPolicy({ CORS_ALLOWED_ORIGINS: `https://ok.example.org,${entry}` })).toThrow(reason);
  });
});
