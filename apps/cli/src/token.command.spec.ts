import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { JwtVerifier, resolveJwtConfig } from '@revcycle/platform';
import { Command } from 'commander';

import { registerTokenCommand } from './token.command';

describe('revcycle token', () => {
  const savedEnv = { ...process.env };
  let dataDir: string;
  let printed: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'revcycle-token-'));
    process.env = { ...savedEnv, DATA_DIR: dataDir, NODE_ENV: 'development' };
    delete process.env.JWT_SECRET;
    delete process.env.JWT_JWKS_URL;
    printed = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = savedEnv;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    registerTokenCommand(program);
    await program.parseAsync(['token', ...args], { from: 'user' });
  };

  it('prints a token the API verifier accepts, signed with the persisted development secret', async () => {
    await run('--tenant', 'practice-a', '--role', 'coder', '--sub', 'u-5', '--ttl', '15m');
    const principal = await new JwtVerifier(resolveJwtConfig(process.env)).verify(printed.trim());
    expect(principal).toEqual({ tenantId: 'practice-a', actor: { id: 'u-5', role: 'coder' } });
  });

  it('gives the token the requested lifetime', async () => {
    await run('--tenant', 'practice-a', '--role', 'biller', '--ttl', '2h');
    const payload = JSON.parse(Buffer.from(printed.trim().split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(7200);
  });

  it('uses JWT_SECRET when it is set, so the data folder secret no longer verifies', async () => {
    process.env.JWT_SECRET = 'an-operator-secret-of-at-least-thirty-two-bytes';
    await run('--tenant', 'practice-a', '--role', 'admin');
    const token = printed.trim();
    await expect(new JwtVerifier(resolveJwtConfig(process.env)).verify(token)).resolves.toBeDefined();
    delete process.env.JWT_SECRET;
    await expect(new JwtVerifier(resolveJwtConfig(process.env)).verify(token)).rejects.toThrow('not valid');
  });

  it.each([
    [['--tenant', 't', '--role', 'janitor'], /Allowed choices/],
    [['--role', 'coder'], /--tenant/],
    [['--tenant', 't', '--role', 'coder', '--ttl', '3d'], /--ttl/],
    [['--tenant', 't', '--role', 'coder', '--ttl', '13h'], /--ttl/],
  ])('refuses %j', async (args, message) => {
    await expect(run(...args)).rejects.toThrow(message);
    expect(printed).toBe('');
  });
});
