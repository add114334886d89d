import { join } from 'node:path';

import { Command } from 'commander';

import { codingMigrations, REFERENCE_TENANT } from '@revcycle/coding';
import { eventStoreMigrations } from '@revcycle/event-store';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { openCodesetStore, registerCodesetCommands } from './codesets.command';

const SEED = join(__dirname, '../../../libs/coding/seed');
let db: TestDatabase;
let printed: string[];

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...codingMigrations()]);
});
afterAll(() => db.drop());
beforeEach(() => {
  printed = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
    printed.push(String(text));
    return true;
  });
});
afterEach(() => jest.restoreAllMocks());

async function run(...args: string[]): Promise<void> {
  const program = new Command('revcycle').exitOverride();
  registerCodesetCommands(program, () => openCodesetStore(db.appUrl));
  await program.parseAsync(['codesets', 'import', ...args], { from: 'user' });
}

async function stored(): Promise<{ releases: string[]; entries: number }> {
  const events = await db.appPool.query(`SELECT data->>'releaseId' AS id FROM event_store.events WHERE tenant_id = $1 AND event_type = 'coding.CodeSetReleaseRecorded'`, [REFERENCE_TENANT]);
  const entries = await db.appPool.query('SELECT count(*)::int AS n FROM coding.code_set_entries');
  return { releases: events.rows.map((row) => row.id), entries: entries.rows[0].n };
}

describe('revcycle codesets import', () => {
  it('records a release with its entries once; importing the same file again is a no-op', async () => {
    await run('ncci_mue', join(SEED, 'ncci/ncci_mue_practitioner_2024q3_bh.csv'));
    expect(printed.join('')).toMatch(/^Recorded ncci_mue:2024-07-01:[0-9a-f]{16} \(\d+ entries, effective 2024-07-01 on\)\n$/);
    const first = await stored();
    expect(first.releases).toHaveLength(1);
    expect(first.entries).toBeGreaterThan(0);

    printed = [];
    await run('ncci_mue', join(SEED, 'ncci/ncci_mue_practitioner_2024q3_bh.csv'));
    expect(printed.join('')).toMatch(/^Already recorded, nothing changed: ncci_mue:2024-07-01:/);
    expect(await stored()).toEqual(first);
  });

  it('takes the effective period from the command line when the file does not state it', async () => {
    await run('place_of_service', join(SEED, 'pos/place_of_service.csv'), '--from', '2025-01-01', '--label', 'POS 2025');
    expect(printed.join('')).toMatch(/^Recorded place_of_service:2025-01-01:/);
  });

  it('refuses an unknown kind before touching the database', async () => {
    await expect(run('cpt', join(SEED, 'pos/place_of_service.csv'))).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    expect((await stored()).releases).toHaveLength(2);
  });
});
