import { CODING_TENANT, codingMetadata, codingRules, codingSubject, eventually, signedFacts } from '@revcycle/coding/testing';
import { Database, eventStoreMigrations, PgEventStore, type StoredEvent } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { decideApproveCoding } from '../coding/approve-coding/approve-coding.command';
import { suggestCoding } from '../coding/coding-evaluation';
import type { CodingEvent } from '../coding/coding.events';
import { evolveCoding, initialCodingState } from '../coding/coding.state';
import { decideOpenCodingDraft } from '../coding/open-coding-draft/open-coding-draft.command';
import { codingMigrations } from '../coding.module';
import { CodingWorklistProjection } from './coding-worklist.projection';
import { ListCodingWorklistHandler, ListCodingWorklistQuery, SummarizeCodingWorklistHandler, SummarizeCodingWorklistQuery } from './coding-worklist.query';

let db: TestDatabase;
let store: PgEventStore;
const projection = new CodingWorklistProjection();
const profile = { payer: { payerKind: 'commercial' as const }, providerCredential: 'LCSW' };

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...codingMigrations()]);
  store = new PgEventStore(db.appPool);
});
afterAll(() => db.drop());

/** Appends the events to the coding stream and returns them as stored, for the projection to apply. */
async function stored(encounterId: string, events: CodingEvent[], openedAt: string): Promise<StoredEvent[]> {
  const metadata = codingMetadata({ id: 'coder-1', role: 'coder' }, openedAt);
  await store.appendToStream(`coding-${encounterId}`, events.map((event) => ({ ...event, eventId: newId(), schemaVersion: 1, metadata })), { expected: 'any', tenantId: CODING_TENANT });
  let found: StoredEvent[] = [];
  await eventually(async () => {
    found = (await store.readAll(store.start, 10_000)).events.filter((event) => event.streamId === `coding-${encounterId}`);
    return found.length === events.length;
  });
  return found;
}

async function applyAll(events: StoredEvent[]): Promise<void> {
  const client = await db.appPool.connect();
  try {
    await client.query('BEGIN');
    for (const event of events) await projection.apply(event, client);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

function draft(encounterId: string, diagnoses: string[], openedAt: string): CodingEvent[] {
  const facts = signedFacts({ diagnoses });
  return decideOpenCodingDraft({ subject: codingSubject(encounterId), facts, sourceEventId: newId(), suggestion: suggestCoding(facts, profile, codingRules()), openedAt }, initialCodingState);
}

const list = (filter: { status: 'draft' | 'approved'; ruleId?: string }) =>
  new ListCodingWorklistHandler(new Database(db.appPool)).execute(new ListCodingWorklistQuery(CODING_TENANT, { limit: 50, ...filter }));

describe('coding worklist projection', () => {
  it('lists open drafts oldest first with their blocking findings, and moves approved ones off the queue, idempotently', async () => {
    const [older, newer, done] = [newId(), newId(), newId()];
    const olderEvents = await stored(older, draft(older, ['F32'], '2026-03-01T10:00:00.000Z'), '2026-03-01T10:00:00.000Z');
    const newerEvents = await stored(newer, draft(newer, ['F33.1'], '2026-03-05T10:00:00.000Z'), '2026-03-05T10:00:00.000Z');
    const opened = draft(done, ['F33.1'], '2026-03-02T10:00:00.000Z');
    const approval = decideApproveCoding({ encounterId: done, approvedBy: 'coder-1', approvedAt: '2026-03-03T10:00:00.000Z' }, opened.reduce(evolveCoding, initialCodingState));
    const doneEvents = await stored(done, [...opened, ...approval], '2026-03-03T10:00:00.000Z');
    const everything = [...olderEvents, ...newerEvents, ...doneEvents];
    await applyAll(everything);
    await applyAll(everything);

    const queue = await list({ status: 'draft' });
    expect(queue.map((row) => row.encounterId)).toEqual([older, newer]);
    expect(queue[0]).toMatchObject({ lineCount: 1, errorRuleIds: ['CODING.DIAGNOSIS.NOT_BILLABLE'], dateOfService: '2026-03-04', codingVersion: 1 });
    expect((await list({ status: 'draft', ruleId: 'CODING.DIAGNOSIS.NOT_BILLABLE' })).map((row) => row.encounterId)).toEqual([older]);
    expect((await list({ status: 'approved' })).map((row) => row.encounterId)).toEqual([done]);

    const summary = await new SummarizeCodingWorklistHandler(new Database(db.appPool)).execute(new SummarizeCodingWorklistQuery(CODING_TENANT, '2026-03-06'));
    expect(summary.byAge).toEqual([
      { bucket: '0-2 days', drafts: 1 },
      { bucket: '3-7 days', drafts: 1 },
      { bucket: '8-14 days', drafts: 0 },
      { bucket: 'over 14 days', drafts: 0 },
    ]);
    expect(summary.byFinding).toContainEqual({ ruleId: 'CODING.DIAGNOSIS.NOT_BILLABLE', severity: 'error', drafts: 1 });
  });
});
