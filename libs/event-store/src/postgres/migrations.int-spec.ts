import { Client } from 'pg';

import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { eventStoreMigrations, pendingMigrations, runMigrations } from './migrations';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations());
  });
  afterAll(() => db.drop());

  const extra = { id: 'test/0001-extra', sql: 'CREATE TABLE event_store.test_extra (id int)' };

  it('is safe to run twice, and from two processes at once', async () => {
    const reports = await Promise.all([
      runMigrations(db.adminUrl, [...eventStoreMigrations(), extra]),
      runMigrations(db.adminUrl, [...eventStoreMigrations(), extra]),
    ]);
    expect(reports.map((r) => r.applied).flat()).toEqual(['test/0001-extra']);
    const again = await runMigrations(db.adminUrl, [...eventStoreMigrations(), extra]);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toContain('event-store/0001-event-store');
  });

  it('refuses a migration whose text changed after it was applied', async () => {
    await expect(runMigrations(db.adminUrl, [{ ...extra, sql: `${extra.sql} -- edited` }])).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls a failing migration back whole and records nothing', async () => {
    const broken = { id: 'test/0002-broken', sql: 'CREATE TABLE event_store.half_done (id int); SELECT no_such_function();' };
    await expect(runMigrations(db.adminUrl, [broken])).rejects.toThrow(/test\/0002-broken failed/);
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`SELECT to_regclass('event_store.half_done') AS t`);
    await admin.end();
    expect(rows[0].t).toBeNull();
    expect(await pendingMigrations((sql) => db.appPool.query(sql), [broken])).toEqual(['test/0002-broken']);
  });

  it('creates objects owned by the owner role, not by the runtime role', async () => {
    const { rows } = await db.appPool.query(`SELECT tableowner FROM pg_tables WHERE schemaname = 'event_store' AND tablename = 'events'`);
    expect(rows[0].tableowner).toBe('revcycle_owner');
    const { rows: role } = await db.appPool.query(`SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = current_user`);
    expect(role[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false });
  });
});
