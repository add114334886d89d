import { uuidV5 } from '@revcycle/kernel';
import type { Consumer, DomainEvent, EventStore, SqlConnection, StoredEvent } from '@revcycle/event-store';
import type { Pool } from 'pg';

export const TENANT = 'tenant-1';

const metadata = (occurredAt: string) => ({ tenantId: TENANT, actor: { id: 'user-1', role: 'front_desk' as const }, correlationId: 'corr-1', occurredAt });

/** Sets up history the way the application would: by appending events to their streams. */
export async function givenStream(store: EventStore, streamId: string, events: DomainEvent[], occurredAt = '2025-03-01T12:00:00.000Z'): Promise<void> {
  await store.appendToStream(
    streamId,
    events.map((event, index) => ({ ...event, eventId: uuidV5(`${streamId}:${index}`), schemaVersion: 1, metadata: metadata(occurredAt) })),
    { expected: 'any', tenantId: TENANT },
  );
}

/** Events as a consumer receives them from the log, in the given order. */
export function storedEvents(events: DomainEvent[], occurredAt = '2025-03-01T12:00:00.000Z'): StoredEvent[] {
  return events.map((event, index) => ({
    ...event,
    eventId: uuidV5(`stored:${index}:${event.type}:${JSON.stringify(event.data)}`),
    schemaVersion: 1,
    metadata: metadata(occurredAt),
    streamId: 'spec',
    streamPosition: BigInt(index + 1),
    recordedAt: new Date(occurredAt),
    globalPosition: BigInt(index + 1),
    checkpoint: `spec:${index + 1}`,
  }));
}

/** Applies the events in one transaction, as the consumer runner does for a batch. */
export async function project(pool: Pool, consumer: Consumer, events: StoredEvent[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const event of events) if (consumer.handles.includes(event.type)) await consumer.apply(event, client as SqlConnection);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

export const LOCATION_ID = '0190a8f2-4c1e-7a10-9d2b-0000000000a9';

/** A practice in UTC with one office, a 24-hour window, $50 late cancel and $75 no-show fees. */
export async function givenPractice(store: EventStore): Promise<void> {
  const address = { line1: '1 Synthetic Way', line2: null, city: 'Springfield', state: 'IL', postalCode: '62701' };
  await givenStream(store, `practice-${TENANT}`, [
    { type: 'scheduling.PracticeRegistered', data: { tenantId: TENANT, legalName: 'Synthetic LLC', taxId: '12-3456789', groupNpi: '1234567893', billingAddress: address, taxonomyCode: '261QM0801X', timeZone: 'UTC' } },
    { type: 'scheduling.ServiceLocationAdded', data: { locationId: LOCATION_ID, name: 'Office', address, defaultPlaceOfService: '11' } },
    { type: 'scheduling.PracticePoliciesSet', data: { lateCancelWindowHours: 24, lateCancelFeeCents: 5_000, noShowFeeCents: 7_500, eligibilityMaxAgeDays: 30 } },
  ]);
}

export async function givenProvider(store: EventStore, providerId: string): Promise<void> {
  await givenStream(store, `provider-${providerId}`, [
    {
      type: 'scheduling.ProviderEnrolled',
      data: { providerId, npi: '1234567893', displayName: 'Synthetic Clinician', taxonomyCode: '1041C0700X', credential: 'LCSW', supervisingProviderId: null, activeFrom: '2025-01-01', activeTo: null },
    },
  ]);
}

/** A registered patient, optionally with authorizations already linked to the patient stream. */
export async function givenPatient(store: EventStore, patientId: string, authorizationIds: string[] = []): Promise<void> {
  const address = { line1: '1 Synthetic Way', line2: null, city: 'Springfield', state: 'IL', postalCode: '62701' };
  const phi = { firstName: 'Synthetic', lastName: 'Person', birthDate: '1990-01-01', administrativeSex: 'U', address, phone: null, email: null };
  await givenStream(store, `patient-${patientId}`, [
    { type: 'scheduling.PatientRegistered', data: { patientId, phi, guarantor: { kind: 'self' }, contactPreferences: { channels: [], appointmentReminders: false, voicemailAllowed: false }, part2: null } },
    ...authorizationIds.map((recordId) => ({ type: 'scheduling.PaymentRecordLinked', data: { patientId, kind: 'authorization', recordId } })),
  ]);
}
