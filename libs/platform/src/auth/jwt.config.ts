import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** HS256 needs a key at least as long as its 256-bit hash (RFC 7518 §3.2). */
const MIN_SECRET_BYTES = 32;

export type JwtKeySource = { kind: 'secret'; secret: Uint8Array } | { kind: 'jwks'; url: URL };

export interface JwtConfig {
  key: JwtKeySource;
  issuer?: string;
  audience?: string;
}

/**
 * Reads JWT settings from the environment. Without `JWT_SECRET` or `JWT_JWKS_URL`, a development
 * machine gets a random secret kept in the data folder so `revcycle token` and the API agree;
 * production refuses to start instead of inventing a key.
 */
export function resolveJwtConfig(env: NodeJS.ProcessEnv = process.env): JwtConfig {
  const issuer = env.JWT_ISSUER || undefined;
  const audience = env.JWT_AUDIENCE || undefined;
  if (env.JWT_JWKS_URL) {
    const url = new URL(env.JWT_JWKS_URL);
    if (url.protocol !== 'https:' && env.NODE_ENV === 'production') {
      throw new Error('JWT_JWKS_URL must use https in production');
    }
    return { key: { kind: 'jwks', url }, issuer, audience };
  }
  if (env.JWT_SECRET) {
    const secret = new TextEncoder().encode(env.JWT_SECRET);
    if (secret.byteLength < MIN_SECRET_BYTES) {
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long`);
    }
    return { key: { kind: 'secret', secret }, issuer, audience };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('Set JWT_JWKS_URL (or JWT_SECRET) before starting in production');
  }
  return { key: { kind: 'secret', secret: loadDevelopmentSecret(env) }, issuer, audience };
}

/** Path of the persisted development secret: `<DATA_DIR or ./.data>/dev-jwt-secret`. */
export function developmentSecretPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.DATA_DIR || '.data'), 'dev-jwt-secret');
}

function loadDevelopmentSecret(env: NodeJS.ProcessEnv): Uint8Array {
  const path = developmentSecretPath(env);
  if (!existsSync(path)) createDevelopmentSecret(path);
  const secret = new TextEncoder().encode(readFileSync(path, 'utf8').trim());
  if (secret.byteLength < MIN_SECRET_BYTES) {
    throw new Error(`${path} holds fewer than ${MIN_SECRET_BYTES} bytes; delete it to generate a new one`);
  }
  return secret;
}

/**
 * Writes aside, then hard-links into place: the link fails if the file exists, so two processes
 * starting together agree on one key and neither ever reads a half-written file.
 */
function createDevelopmentSecret(path: string): void {
  mkdirSync(resolve(path, '..'), { recursive: true, mode: 0o700 });
  const draft = `${path}.${process.pid}.tmp`;
  writeFileSync(draft, randomBytes(48).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}
