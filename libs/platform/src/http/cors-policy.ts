/** Browsers' cross-origin access, LIM-10 (security.md §4): only the listed origins, never a wildcard. */
export class CorsPolicy {
  constructor(readonly origins: readonly string[]) {}

  /** The options `app.enableCors` takes, or undefined when no origin is listed (no CORS headers at all). */
  options():
    | { origin: string[]; methods: string[]; allowedHeaders: string[]; exposedHeaders: string[]; credentials: false; maxAge: number; strictPreflight: true }
    | undefined {
    if (this.origins.length === 0) return undefined;
    return {
      origin: [...this.origins],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      // What the API reads: the bearer token, JSON bodies, idempotency keys, version preconditions, request ids.
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-request-id'],
      // What a front end needs from answers: versions for If-Match, where a created thing lives, when to retry.
      exposedHeaders: ['etag', 'location', 'retry-after', 'x-request-id'],
      // Bearer tokens, no cookies: a browser never sends credentials on its own.
      credentials: false,
      maxAge: 600,
      strictPreflight: true,
    };
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads `CORS_ALLOWED_ORIGINS`: comma-separated origins (`https://app.example.org`), each exactly as a
 * browser sends it in `Origin`. Plain HTTP only for loopback front ends in development. A wildcard,
 * `null`, a path or anything else that is not an origin refuses to start rather than widen access.
 */
export function resolveCorsPolicy(env: NodeJS.ProcessEnv = process.env): CorsPolicy {
  const listed = (env.CORS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  for (const entry of listed) {
    const refusal = originRefusal(entry);
    if (refusal) throw new Error(`CORS_ALLOWED_ORIGINS: "${entry}" ${refusal}`);
  }
  return new CorsPolicy([...new Set(listed)]);
}

function originRefusal(entry: string): string | undefined {
  if (entry === '*' || entry.toLowerCase() === 'null') return 'would admit every page; list the front ends\u2019 origins';
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return 'is not an origin such as https://app.example.org';
  }
  if (url.origin !== entry) return `is not an origin as browsers send it (that would be ${url.origin})`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'must use https (plain http only for localhost)';
}
