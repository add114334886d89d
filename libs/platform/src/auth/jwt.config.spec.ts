import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { developmentSecretPath, resolveJwtConfig } from './jwt.config';

describe('resolveJwtConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'revcycle-jwt-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a development secret readable only by its owner and reuses it', () => {
    const first = resolveJwtConfig({ DATA_DIR: dataDir });
    const path = developmentSecretPath({ DATA_DIR: dataDir });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = resolveJwtConfig({ DATA_DIR: dataDir });
    expect(first.key).toEqual(second.key);
    expect(first.key).toEqual({ kind: 'secret', secret: new TextEncoder().encode(readFileSync(path, 'utf8')) });
  });

  it('keeps the same secret when processes start at the same time', () => {
    const keys = Array.from({ length: 5 }, () => resolveJwtConfig({ DATA_DIR: dataDir }).key);
    for (const key of keys) expect(key).toEqual(keys[0]);
  });

  it('refuses to invent a secret in production', () => {
    expect(() => resolveJwtConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow('JWT_JWKS_URL');
  });

  it('refuses a JWT_SECRET shorter than 32 bytes', () => {
    expect(() => resolveJwtConfig({ JWT_SECRET: 'short' })).toThrow('at least 32 bytes');
  });

  it('prefers a JWKS URL, with issuer and audience, and requires https for it in production', () => {
    const config = resolveJwtConfig({
      JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      JWT_SECRET: 'x'.repeat(40),
      JWT_ISSUER: 'https://idp.example',
      JWT_AUDIENCE: 'revcycle-api',
    });
    expect(config).toEqual({
      key: { kind: 'jwks', url: new URL('https://idp.example/.well-known/jwks.json') },
      issuer: 'https://idp.example',
      audience: 'revcycle-api',
    });
    expect(() => resolveJwtConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'http://idp.example/jwks' })).toThrow('https');
  });
});
