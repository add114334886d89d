import { Command } from 'commander';

import { encounterOpened } from '@revcycle/encounters/testing';
import { PgEventStore } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { allMigrations } from '../../api/src/composition';
import { registerProjectionCommands } from './projections.command';

const TENANT = 'practice-cli';
let db: TestDatabase;
let printed: string[];
const saved = { ...process.env };

beforeAll(async () => {
  db = await createTestDatabase(allMigrations());
  const store = new PgEventStore(db.appPool);
  for (let i = 0; i < 25; i++) {
    const opened = encounterOpened();
    const encounterId = newId();
    await store.appendToStream(`encounter-${encounterId}`, [{
      eventId: newId(), type: opened.type, schemaVersion: 1, data: { ...opened.data, encounterId },
      metadata: { tenantId: TENANT, actor: { id: 'clinician-1', role: 'clinician' }, correlationId: newId(), occurredAt: '2025-03-04T16:00:00.000Z' },
    }], { expected: 'no_stream', tenantId: TENANT });
  }
  // The command reaches the database the way an operator's shell would.
  process.env.DATABASE_URL = db.adminUrl;
  process.env.DATABASE_APP_URL = db.appUrl;
});
afterAll(async () => {
  process.env = saved;
  await db.drop();
});
beforeEach(() => {
  printed = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
    printed.push(String(text));
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  jest.spyOn(console, 'table').mockImplementation((rows) => printed.push(JSON.stringify(rows)));
});
afterEach(() => jest.restoreAllMocks());

async function run(...args: string[]): Promise<void> {
  const program = new Command('revcycle').exitOverride();
  registerProjectionCommands(program);
  await program.parseAsync(['projections', ...args], { from: 'user' });
}

const worklistRows = async () => (await db.appPool.query('SELECT count(*)::int AS n FROM encounters.unsigned_encounters_v1 WHERE tenant_id = $1', [TENANT])).rows[0].n;

describe('revcycle projections', () => {
  it('rebuilds a projection from the whole log and says how many events it applied', async () => {
    await db.appPool.query(`DELETE FROM encounters.unsigned_encounters_v1`);
    await run('rebuild', 'encounters.unsigned-encounters');
    expect(await worklistRows()).toBe(25);
    expect(printed.join('')).toMatch(/Rebuilt encounters\.unsigned-encounters v1: \d+ events/);
  });

  it('rebuilds to the same rows when run again', async () => {
    await run('rebuild', 'encounters.unsigned-encounters');
    expect(await worklistRows()).toBe(25);
  });

  it('shows each consumer with its state, lag and parked events', async () => {
    await run('status');
    const table = JSON.parse(printed.find((line) => line.startsWith('[')) ?? '[]') as Array<{ consumer: string; status: string; lag: number }>;
    expect(table).toEqual(expect.arrayContaining([expect.objectContaining({ consumer: 'encounters.unsigned-encounters', status: 'running', lag: 0 })]));
  });

  it('refuses an unknown projection by name', async () => {
    await expect(run('rebuild', 'no.such-projection')).rejects.toThrow();
  });
});
