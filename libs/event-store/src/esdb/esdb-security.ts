/** Problems that make a connection unfit for anything but a developer's own machine (event-store.md §10). */
export function insecureSettings(connectionString: string): string[] {
  const url = new URL(connectionString);
  if (url.protocol !== 'esdb:' && url.protocol !== 'esdb+discover:') {
    throw new Error(`Not an EventStoreDB connection string (esdb:// or esdb+discover://): ${url.protocol}`);
  }
  // Parameter names are case-insensitive in the client's parser.
  const params = new Map([...url.searchParams].map(([key, value]) => [key.toLowerCase(), value.toLowerCase()]));
  const problems: string[] = [];
  // The server's --insecure switches TLS, authentication and ACLs off together; a client can only
  // talk to such a server with tls=false, so that setting is how insecure mode shows on this side.
  if (params.get('tls') === 'false') problems.push('tls=false: the server runs in insecure mode (no TLS, no authentication, no ACLs)');
  if (params.get('tlsverifycert') === 'false') problems.push('tlsVerifyCert=false: the server certificate is not checked');
  if (decodeURIComponent(url.username) === 'admin' && decodeURIComponent(url.password) === 'changeit') {
    problems.push('the default admin:changeit credentials');
  }
  return problems;
}

export class InsecureEventStoreConnection extends Error {
  constructor(readonly problems: string[]) {
    super(`Refusing EventStoreDB connection: ${problems.join('; ')}. Set the development flag only on a developer machine.`);
  }
}

/** The start-up self-check: throws unless the connection is secure or development mode was asked for. */
export function assertSecureConnection(connectionString: string, options: { development?: boolean } = {}): void {
  const problems = insecureSettings(connectionString);
  if (problems.length && !options.development) throw new InsecureEventStoreConnection(problems);
}
