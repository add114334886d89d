import { CommandPipeline, EventSchemaRegistry, eventStoreMigrations, PgEventStore } from '@revcycle/event-store';
import { newId, type CommandContext } from '@revcycle/kernel';
import { TENANT } from '@revcycle/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { schedulingMigrations } from '../../scheduling.module';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { providerCalendarStreamId } from '../provider-calendar.state';
import { ReserveProviderTimeHandler } from './reserve-provider-time.handler';

const PROVIDER = newId();
const context = (): CommandContext => ({ tenantId: TENANT, actor: { id: 'desk-1', role: 'front_desk' }, correlationId: newId(), now: new Date('2026-01-10T12:00:00Z') });
const slot = (appointmentId: string, start: string, minutes = 53) => ({
  appointmentId,
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});

describe('provider time across calendar months', () => {
  let db: TestDatabase;
  let calendar: ReserveProviderTimeHandler;
  let streams: SchedulingStreams;
  const heldIn = async (month: string) => {
    const state = await streams.state(TENANT, providerCalendarStreamId(PROVIDER, month), deciders.providerCalendar);
    return state.status === 'active' ? state.holds.map((held) => held.appointmentId).sort() : [];
  };

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations(), ...schedulingMigrations()]);
    const store = new PgEventStore(db.appPool);
    streams = new SchedulingStreams(store);
    calendar = new ReserveProviderTimeHandler(new CommandPipeline(store, new EventSchemaRegistry()));
  });
  afterAll(() => db.drop());

  it('holds a series in each month it touches', async () => {
    const [a, b] = [newId(), newId()];
    await calendar.reserve(context(), PROVIDER, [slot(a, '2027-01-25T15:00:00Z'), slot(b, '2027-02-01T15:00:00Z')], 'book');
    expect(await heldIn('2027-01')).toEqual([a]);
    expect(await heldIn('2027-02')).toEqual([b]);
  });

  it('gives back the months already held when a later month refuses, leaving nothing half booked', async () => {
    const taken = newId();
    await calendar.reserve(context(), PROVIDER, [slot(taken, '2027-04-05T15:00:00Z')], 'book');
    const [first, clash] = [newId(), newId()];
    await expect(
      calendar.reserve(context(), PROVIDER, [slot(first, '2027-03-29T15:00:00Z'), slot(clash, '2027-04-05T15:30:00Z')], 'book'),
    ).rejects.toMatchObject({ code: 'SCHEDULING.PROVIDER_ALREADY_BOOKED' });
    expect(await heldIn('2027-03')).toEqual([]);
    expect(await heldIn('2027-04')).toEqual([taken]);
  });

  it('sees an overlap with a session that runs past midnight at a month end', async () => {
    const late = newId();
    await calendar.reserve(context(), PROVIDER, [slot(late, '2027-05-31T23:30:00Z', 60)], 'book');
    await expect(calendar.reserve(context(), PROVIDER, [slot(newId(), '2027-06-01T00:00:00Z')], 'book')).rejects.toMatchObject({
      code: 'SCHEDULING.PROVIDER_ALREADY_BOOKED',
    });
  });

  it('releases the old month when a reschedule moves a session to another month', async () => {
    const moved = newId();
    await calendar.reserve(context(), PROVIDER, [slot(moved, '2027-07-30T15:00:00Z')], 'book');
    const previous = slot(moved, '2027-07-30T15:00:00Z');
    await calendar.reserve(context(), PROVIDER, [slot(moved, '2027-08-02T15:00:00Z')], 'reschedule', { previous });
    expect(await heldIn('2027-07')).toEqual([]);
    expect(await heldIn('2027-08')).toEqual([moved]);
  });
});
