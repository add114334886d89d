import { assertSecureConnection, insecureSettings, InsecureEventStoreConnection } from './esdb-security';

describe('EventStoreDB start-up self-check', () => {
  it('accepts TLS with real credentials', () => {
    expect(insecureSettings('esdb://revcycle:s3cret@esdb.internal:2113?tls=true')).toEqual([]);
    expect(() => assertSecureConnection('esdb+discover://revcycle:s3cret@cluster.internal:2113')).not.toThrow();
  });

  it.each([
    ['insecure mode', 'esdb://revcycle:s3cret@localhost:2113?tls=false', /insecure mode/],
    ['insecure mode, any spelling', 'esdb://revcycle:s3cret@localhost:2113?Tls=FALSE', /insecure mode/],
    ['an unchecked certificate', 'esdb://revcycle:s3cret@localhost:2113?tlsVerifyCert=false', /certificate/],
    ['the default credentials', 'esdb://admin:changeit@localhost:2113', /admin:changeit/],
  ])('refuses %s', (_case, url, reason) => {
    expect(() => assertSecureConnection(url)).toThrow(InsecureEventStoreConnection);
    expect(() => assertSecureConnection(url)).toThrow(reason);
  });

  it('admits them only with the explicit development flag', () => {
    expect(() => assertSecureConnection('esdb://admin:changeit@localhost:2113?tls=false', { development: true })).not.toThrow();
    expect(() => assertSecureConnection('esdb://admin:changeit@localhost:2113?tls=false', { development: false })).toThrow(InsecureEventStoreConnection);
  });

  it('refuses a connection string of another kind', () => {
    expect(() => insecureSettings('postgres://admin:changeit@localhost:5432/db')).toThrow(/Not an EventStoreDB/);
  });
});
