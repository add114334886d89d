import { Database, eventStoreMigrations } from '@revcycle/event-store';
import { APPOINTMENT_ID, PATIENT_ID, TENANT, appointmentBooked, coverageAdded, eligibilityChecked, project, storedEvents } from '@revcycle/scheduling/testing';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { schedulingMigrations } from '../scheduling.module';
import { PatientTimelineProjection } from './patient-timeline.projection';
import { GetPatientTimeline, GetPatientTimelineHandler } from './patient-timeline.query';

const ENCOUNTER = '0190a8f2-4c1e-7a10-9d2b-0000000003e1';

describe('Patient timeline', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations(), ...schedulingMigrations()]);
  });
  afterAll(() => db.drop());

  const events = storedEvents([
    coverageAdded({ patientId: PATIENT_ID }),
    eligibilityChecked('2025-02-20'),
    appointmentBooked(),
    { type: 'scheduling.PatientNoShowRecorded', data: { appointmentId: APPOINTMENT_ID } },
    { type: 'scheduling.NoShowFeeCharged', data: { appointmentId: APPOINTMENT_ID, patientId: PATIENT_ID, dateOfService: '2025-03-04', amountCents: 7_500 } },
    { type: 'encounters.EncounterSigned', data: { encounterId: ENCOUNTER, patientId: PATIENT_ID, appointmentId: null, signedAt: '2025-03-05T10:00:00Z' } },
    { type: 'encounters.EncounterVoided', data: { encounterId: ENCOUNTER, reason: 'duplicate', wasSigned: true, voidedAt: '2025-03-05T11:00:00Z' } },
  ]);
  const page = (limit: number, after?: string) =>
    new GetPatientTimelineHandler(new Database(db.appPool)).execute(new GetPatientTimeline(TENANT, PATIENT_ID, limit, after));
  const timeline = async () => (await page(100)).items;

  it('lists every event about the patient in log order, resolving events that carry only another id', async () => {
    await project(db.appPool, new PatientTimelineProjection(), events);
    const once = await timeline();
    expect(once.map((r) => r.kind)).toEqual([
      'scheduling.CoverageAdded',
      'scheduling.EligibilityChecked',
      'scheduling.AppointmentBooked',
      'scheduling.PatientNoShowRecorded',
      'scheduling.NoShowFeeCharged',
      'encounters.EncounterSigned',
      'encounters.EncounterVoided',
    ]);
    expect(once[4]).toMatchObject({ appointmentId: APPOINTMENT_ID, details: { amountCents: 7_500 } });
    await project(db.appPool, new PatientTimelineProjection(), events);
    expect(await timeline()).toEqual(once);
  });

  it('given more entries than a page holds, when read page by page, then every entry comes once, in order', async () => {
    const whole = await timeline();
    const pages = [await page(3)];
    while (pages[pages.length - 1].next) pages.push(await page(3, pages[pages.length - 1].next!));
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items)).toEqual(whole);
    expect(pages[pages.length - 1].next).toBeNull();
  });

  it.each(['not-a-cursor', Buffer.from('["1; DROP"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])(
    'refuses the cursor %p as bad input on `after`',
    async (after) => {
      await expect(page(3, after)).rejects.toMatchObject({ code: 'VALIDATION.FAILED', details: { violations: [{ path: 'after' }] } });
    },
  );

  it('never copies member ids or demographics into the timeline', async () => {
    expect(JSON.stringify(await timeline())).not.toContain('MEMBER-SYNTHETIC');
  });
});
