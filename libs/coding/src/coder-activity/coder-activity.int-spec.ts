import { CODING_TENANT, codingMetadata, eventually } from '@revcycle/coding/testing';
import { Database, eventStoreMigrations, PgEventStore, type DomainEvent, type EventMetadata, type StoredEvent } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { codingMigrations } from '../coding.module';
import { CoderActivityProjection } from './coder-activity.projection';
import { ListCoderActivityHandler, ListCoderActivityQuery } from './coder-activity.query';

let db: TestDatabase;
let store: PgEventStore;
const projection = new CoderActivityProjection();

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...codingMigrations()]);
  store = new PgEventStore(db.appPool);
});
afterAll(() => db.drop());

const changed = (encounterId: string, field: string): DomainEvent => ({ type: 'coding.CodedLineChanged', data: { encounterId, lineIndex: 0, field } });
const approved = (encounterId: string, override: object | null): DomainEvent => ({ type: 'coding.CodingApproved', data: { encounterId, override } });

async function record(entries: Array<[DomainEvent, EventMetadata]>): Promise<StoredEvent[]> {
  const streamId = `coding-${newId()}`;
  for (const [event, metadata] of entries) {
    await store.appendToStream(streamId, [{ ...event, eventId: newId(), schemaVersion: 1, metadata }], { expected: 'any', tenantId: CODING_TENANT });
  }
  let found: StoredEvent[] = [];
  await eventually(async () => {
    found = (await store.readAll(store.start, 10_000)).events.filter((event) => event.streamId === streamId);
    return found.length === entries.length;
  });
  return found;
}

async function applyAll(events: StoredEvent[]): Promise<void> {
  const client = await db.appPool.connect();
  try {
    for (const event of events) await projection.apply(event, client);
  } finally {
    client.release();
  }
}

describe('coder activity projection', () => {
  it('counts each coder action once, leaves policies out and filters by date', async () => {
    const [a, b] = [newId(), newId()];
    const alice = codingMetadata({ id: 'coder-alice', role: 'coder' }, '2026-03-05T10:00:00.000Z');
    const bob = codingMetadata({ id: 'coder-bob', role: 'coder' }, '2026-03-05T23:59:00.000Z');
    const policy = codingMetadata({ id: 'policy:x', role: 'system' }, '2026-03-05T10:00:00.000Z');
    const late = codingMetadata({ id: 'coder-alice', role: 'coder' }, '2026-03-07T08:00:00.000Z');
    const events = await record([
      [changed(a, 'code'), alice],
      [changed(a, 'units'), alice],
      [approved(a, null), alice],
      [approved(b, { reason: 'payer bulletin', overriddenRuleIds: ['X'] }), bob],
      [changed(b, 'code'), policy],
      [changed(b, 'modifiers'), late],
    ]);
    await applyAll(events);
    await applyAll(events);

    const activity = await new ListCoderActivityHandler(new Database(db.appPool)).execute(new ListCoderActivityQuery(CODING_TENANT, '2026-03-05', '2026-03-05'));
    expect(activity).toEqual([
      { actorId: 'coder-alice', lineChanges: 2, approvals: 1, overrides: 0, encounters: 1 },
      { actorId: 'coder-bob', lineChanges: 0, approvals: 1, overrides: 1, encounters: 1 },
    ]);
  });
});
