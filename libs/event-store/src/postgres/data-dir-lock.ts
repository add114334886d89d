import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Another revcycle process already serves this data folder. */
export class DataDirInUse extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`The data folder ${dataDir} is in use by process ${pid}. Stop it first, or set DATA_DIR or DATABASE_URL to use another database.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file in the data folder so a second `npm start` fails fast with a clear
 * message instead of a confusing PostgreSQL error. A lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const file = join(root, 'revcycle.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DataDirInUse(root, pid);
      unlinkSync(file);
    }
  }
  throw new DataDirInUse(root, -1);
}
