import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataDirInUse, lockDataDir } from './data-dir-lock';

describe('data folder lock', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'revcycle-lock-'));

  it('refuses a second holder while the first process lives, and frees the folder on release', async () => {
    const dir = folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dir, 'revcycle.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dir = folder();
    writeFileSync(join(dir, 'revcycle.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'revcycle.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'revcycle.lock'))).toBe(false);
  });
});
