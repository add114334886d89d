import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { encounterIdForAppointment } from '@revcycle/encounters';
import type { Role } from '@revcycle/kernel';

import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The front of the revenue cycle through HTTP, on the real clock: setup, registration, a recurring
 * booking with a late cancel, no-shows with and without Medicaid, a session checked in, completed,
 * documented, signed and amended, and the read models catching up with each step.
 */

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fixed-offset zone where it is now around midday, so "today" sessions never straddle midnight. */
function middayZone(now: Date): { zone: string; today: string } {
  for (let offset = -12; offset <= 12; offset++) {
    const local = new Date(now.getTime() + offset * HOUR);
    if (local.getUTCHours() >= 9 && local.getUTCHours() <= 14) {
      const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
      return { zone, today: local.toISOString().slice(0, 10) };
    }
  }
  throw new Error('no midday zone');
}

const address = { line1: '1 Synthetic Way', city: 'Springfield', state: 'IL', postalCode: '62701' };
const demographics = (lastName: string) => ({
  firstName: 'Synthetic',
  lastName,
  birthDate: '1990-05-17',
  administrativeSex: 'U',
  address,
});
const policy = (overrides: Record<string, unknown> = {}) => ({
  telehealthModifier: '95',
  credentialModifiersRequired: false,
  unitRounding: 'cpt_midpoint',
  missedAppointmentFeesAllowed: true,
  priorAuthorizationRequired: true,
  ...overrides,
});

const run = promisify(execFile);

describe('front of the revenue cycle', () => {
  let t: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  const started = new Date();
  const { zone, today } = middayZone(started);

  async function call(role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) {
    tokens[role] ??= await t.token(role);
    const key = method === 'GET' ? {} : { 'idempotency-key': randomUUID() };
    return t.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${tokens[role]}`, ...key, ...headers } });
  }
  async function ok(role: Role, method: 'POST' | 'PUT', url: string, payload?: unknown) {
    const response = await call(role, method, url, payload);
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  }
  /** Polls a query route until the projection shows what is expected (bounded). */
  async function eventually<T>(url: string, role: Role, accept: (body: T) => boolean): Promise<T> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await call(role, 'GET', url);
      if (response.statusCode === 200 && accept(response.json())) return response.json();
      await sleep(100);
    }
    throw new Error(`${url} never reached the expected state: ${(await call(role, 'GET', url)).body}`);
  }

  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('walks a practice from setup to an amended signed encounter', async () => {
    // Setup (admin): practice, location, policies, providers, payers.
    await ok('admin', 'POST', '/v1/practice', { legalName: 'Synthetic Counseling LLC', taxId: '12-3456789', groupNpi: '1234567893', billingAddress: address, taxonomyCode: '261QM0801X', timeZone: zone });
    const { locationId } = await ok('admin', 'POST', '/v1/practice/locations', { name: 'Main office', address, defaultPlaceOfService: '11' });
    await ok('admin', 'PUT', '/v1/practice/policies', { lateCancelWindowHours: 24, lateCancelFeeCents: 5_000, noShowFeeCents: 7_500, eligibilityMaxAgeDays: 30 });
    const enroll = (displayName: string) =>
      ok('admin', 'POST', '/v1/providers', { npi: '1234567893', displayName, taxonomyCode: '1041C0700X', credential: 'LCSW', activeFrom: '2025-01-01' });
    const [{ providerId: therapist }, { providerId: second }, { providerId: third }] = await Promise.all([enroll('Therapist A'), enroll('Therapist B'), enroll('Therapist C')]);
    // The clinician who will sign signs in as Therapist A's own account.
    await ok('admin', 'POST', `/v1/providers/${therapist}/user`, { userId: 'clinician-1' });
    const { payerId: commercial } = await ok('admin', 'POST', '/v1/payers', { claimPayerId: 'COMM1', name: 'Synthetic Health', kind: 'commercial', timelyFilingDays: 180, policy: policy() });
    const { payerId: medicaid } = await ok('admin', 'POST', '/v1/payers', {
      claimPayerId: 'SKCO0', name: 'State Medicaid', kind: 'medicaid', timelyFilingDays: 365, policy: policy({ missedAppointmentFeesAllowed: false }),
    });
    const refused = await call('admin', 'POST', '/v1/payers', { claimPayerId: 'SKCO1', name: 'Plan', kind: 'medicaid', timelyFilingDays: 365, policy: policy() });
    expect(refused.json()).toMatchObject({ status: 422, code: 'SCHEDULING.INVALID_PAYER_POLICY' });

    // Registration (front desk): patients, coverage, eligibility, authorization.
    const register = (lastName: string) =>
      ok('front_desk', 'POST', '/v1/patients', { phi: demographics(lastName), guarantor: { kind: 'self' }, contactPreferences: { channels: ['sms'], appointmentReminders: true, voicemailAllowed: false } });
    const [{ patientId: insured }, { patientId: medicaidMember }, { patientId: selfPay }] = await Promise.all([register('Alpha'), register('Beta'), register('Gamma')]);
    const cover = async (patientId: string, payerId: string) => {
      const { coverageId } = await ok('front_desk', 'POST', '/v1/coverages', { patientId, payerId, priority: 'primary', relationship: 'self', effectiveFrom: '2025-01-01', phi: { memberId: 'MEMBER-SYNTHETIC' } });
      await ok('front_desk', 'POST', `/v1/coverages/${coverageId}/eligibility-checks`, { checkedOn: today, outcome: { active: true, copayCents: 2_500 } });
    };
    await cover(insured, commercial);
    await cover(medicaidMember, medicaid);
    const { authorizationId } = await ok('front_desk', 'POST', '/v1/authorizations', {
      patientId: insured, payerId: commercial, number: 'AUTH-1', coveredServiceCodes: ['90834', '90837'], unitsAuthorized: 6, startDate: '2025-01-01', endDate: '2099-12-31',
    });
    const badInput = await call('front_desk', 'POST', '/v1/authorizations', { patientId: insured, payerId: commercial, number: 'A', coveredServiceCodes: ['9083'], unitsAuthorized: 0, startDate: '2025-01-01', endDate: '2025-02-30' });
    expect(badInput.statusCode).toBe(400);
    expect(badInput.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['coveredServiceCodes', 'endDate', 'unitsAuthorized']);
    expect(badInput.body).not.toContain('Synthetic');

    // A Good Faith Estimate for the self-pay patient; the insured patient gets none.
    const estimate = {
      services: [{ serviceCode: '90837', description: 'Psychotherapy, 60 minutes', providerId: therapist, sessions: 12, unitsPerSession: 1, chargePerUnitCents: 15_000 }],
      period: { start: today, end: new Date(Date.parse(today) + 180 * 24 * HOUR).toISOString().slice(0, 10) },
      firstSessionOn: today,
      basis: 'scheduled',
      basisOn: today,
    };
    const gfe = await ok('front_desk', 'POST', '/v1/good-faith-estimates', { ...estimate, patientId: selfPay });
    expect(gfe).toMatchObject({ totalCents: 180_000, issuedOnTime: true });
    expect((await call('front_desk', 'POST', '/v1/good-faith-estimates', { ...estimate, patientId: insured })).json().code).toBe('SCHEDULING.GOOD_FAITH_ESTIMATE_NOT_APPLICABLE');

    // Recurring booking: weekly from two hours from now; the first occurrence is cancelled late.
    const session = { patientId: insured, providerId: therapist, locationId, modality: 'in_person', serviceCode: '90837', plannedUnits: 1 };
    const firstStart = new Date(started.getTime() + 2 * HOUR);
    const series = await ok('front_desk', 'POST', '/v1/appointment-series', {
      ...session, firstStart: firstStart.toISOString(), firstEnd: new Date(firstStart.getTime() + 53 * 60_000).toISOString(), frequency: 'weekly', count: 6,
    });
    expect(series.appointments).toHaveLength(6);
    // Six authorized units, six planned sessions plus the one checked in below: the last ones warn.
    expect(series.appointments[5].warnings).toEqual([]);
    const lateCancel = await ok('front_desk', 'POST', `/v1/appointments/${series.appointments[0].appointmentId}/cancellation`, { cancelledBy: 'patient', reason: 'illness' });
    expect(lateCancel).toMatchObject({ late: true, feeCents: 5_000 });

    // No-shows: both sessions start in three seconds; only the commercial member pays the fee.
    const soon = (providerId: string, patientId: string) =>
      ok('front_desk', 'POST', '/v1/appointments', { ...session, providerId, patientId, start: new Date(Date.now() + 3_000).toISOString(), end: new Date(Date.now() + 40 * 60_000).toISOString() });
    const [missedInsured, missedMedicaid] = await Promise.all([soon(second, insured), soon(third, medicaidMember)]);
    expect(missedMedicaid.warnings.map((w: { code: string }) => w.code)).toEqual(['AUTHORIZATION_MISSING']);
    await sleep(3_500);
    expect(await ok('front_desk', 'POST', `/v1/appointments/${missedInsured.appointmentId}/no-show`)).toMatchObject({ feeCents: 7_500, feeWaived: false });
    expect(await ok('front_desk', 'POST', `/v1/appointments/${missedMedicaid.appointmentId}/no-show`)).toMatchObject({ feeCents: 0, feeWaived: true });

    // The late cancel and the no-show leave the projected usage: five sessions still booked.
    await eventually<Array<{ unitsBooked: number }>>(`/v1/patients/${insured}/authorizations`, 'front_desk', (rows) => rows[0]?.unitsBooked === 5);

    // Today's session: booked, checked in, completed; the encounters policy opens its encounter.
    const start = new Date(Date.now() + 60_000);
    const end = new Date(start.getTime() + 53 * 60_000);
    const visit = await ok('front_desk', 'POST', '/v1/appointments', { ...session, start: start.toISOString(), end: end.toISOString() });
    expect(visit.warnings).toEqual([]);
    const overlapping = await call('front_desk', 'POST', '/v1/appointments', { ...session, patientId: selfPay, start: start.toISOString(), end: end.toISOString() });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().code).toBe('SCHEDULING.PROVIDER_ALREADY_BOOKED');
    const checkedIn = await call('front_desk', 'POST', `/v1/appointments/${visit.appointmentId}/check-in`, undefined, { 'if-match': '"1"' });
    expect(checkedIn.statusCode).toBe(201);
    expect(checkedIn.headers.etag).toBe('"2"');
    const stale = await call('front_desk', 'POST', `/v1/appointments/${visit.appointmentId}/completion`, undefined, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    await ok('clinician', 'POST', `/v1/appointments/${visit.appointmentId}/completion`);

    const encounterId = encounterIdForAppointment(visit.appointmentId);
    await eventually<{ status?: string }>(`/v1/encounters/${encounterId}`, 'clinician', () => true);
    const facts = {
      dateOfService: today, startTime: start.toISOString(), endTime: end.toISOString(), serviceCategory: 'individual_psychotherapy', modality: 'in_person',
      placeOfService: '11', participants: ['patient'], renderingProviderId: therapist, diagnoses: ['F33.1'],
    };
    await ok('clinician', 'POST', `/v1/encounters/${encounterId}/revise`, { facts });
    await ok('clinician', 'POST', `/v1/encounters/${encounterId}/sign`, { signingProviderId: therapist });
    await ok('clinician', 'POST', `/v1/encounters/${encounterId}/addenda`, { reason: 'correction', changes: { diagnoses: ['F33.1', 'F41.1'] }, recordingProviderId: therapist });

    // Read models: authorization usage counted from the signing, the five remaining series sessions projected.
    const [utilization] = await eventually<Array<{ unitsUsed: number }>>(`/v1/patients/${insured}/authorizations`, 'front_desk', (rows) => rows[0]?.unitsUsed === 1);
    expect(utilization).toMatchObject({ authorizationId, unitsAuthorized: 6, unitsUsed: 1, unitsRemaining: 5, unitsBooked: 5, unitsProjectedRemaining: 0 });

    const day = await eventually<Array<{ status: string }>>(`/v1/providers/${therapist}/calendar?date=${today}`, 'front_desk', (rows) =>
      rows.some((r) => r.status === 'completed'),
    );
    expect(day.find((r) => r.status === 'completed')).toMatchObject({ appointmentId: visit.appointmentId, serviceCode: '90837' });

    const { items: timeline, next } = await eventually<{ items: Array<{ kind: string }>; next: string | null }>(
      `/v1/patients/${insured}/timeline?limit=200`,
      'front_desk',
      (page) => page.items.some((r) => r.kind === 'encounters.EncounterAddendumRecorded'),
    );
    expect(next).toBeNull();
    const kinds = timeline.map((r) => r.kind);
    for (const kind of [
      'scheduling.PatientRegistered', 'scheduling.CoverageAdded', 'scheduling.EligibilityChecked', 'scheduling.AuthorizationRecorded',
      'scheduling.AppointmentBooked', 'scheduling.AppointmentCancelled', 'scheduling.LateCancelFeeCharged', 'scheduling.PatientNoShowRecorded',
      'scheduling.NoShowFeeCharged', 'scheduling.PatientCheckedIn', 'scheduling.AppointmentCompleted', 'encounters.EncounterSigned',
      'scheduling.AuthorizationUsageCounted', 'encounters.EncounterAddendumRecorded',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(JSON.stringify(timeline)).not.toMatch(/Synthetic|MEMBER-SYNTHETIC|1990-05-17/);

    const month = today.slice(0, 7);
    const rates = await eventually<Array<{ providerId: string; noShows: number; lateCancels: number }>>(
      `/v1/reports/missed-appointments?from=${month}&to=${month}`, 'analyst', (rows) => rows.filter((r) => r.noShows > 0).length === 2,
    );
    expect(rates.find((r) => r.providerId === third)).toMatchObject({ sessionsDue: 1, noShows: 1, noShowRate: 1 });
    const firstMonth = series.appointments[0].dateOfService.slice(0, 7);
    const cancelled = await eventually<Array<{ providerId: string; lateCancels: number }>>(
      `/v1/reports/missed-appointments?from=${firstMonth}&to=${firstMonth}`, 'analyst', (rows) => rows.some((r) => r.providerId === therapist && r.lateCancels === 1),
    );
    expect(cancelled.find((r) => r.providerId === therapist)).toMatchObject({ lateCancels: 1 });

    // The cancelled occurrence's time was released by the policy, so it can be booked again.
    const released = series.appointments[0];
    const again = { ...session, patientId: selfPay, start: released.start, end: new Date(Date.parse(released.start) + 53 * 60_000).toISOString() };
    let rebooked = await call('front_desk', 'POST', '/v1/appointments', again);
    for (let attempt = 0; rebooked.statusCode !== 201 && attempt < 50; attempt++) {
      await sleep(100);
      rebooked = await call('front_desk', 'POST', '/v1/appointments', again);
    }
    expect(rebooked.statusCode).toBe(201);
  }, 60_000);

  /** Every read-model table of the contexts, as one canonical text per table. */
  async function readModels(): Promise<Record<string, string>> {
    const { rows: tables } = await t.db.appPool.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('scheduling', 'encounters', 'coding') AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const dump: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await t.db.appPool.query(`SELECT coalesce(json_agg(r ORDER BY r::text), '[]')::text AS rows FROM ${name} r`);
      dump[name] = rows[0].rows;
    }
    return dump;
  }

  it('rebuilds every projection to the same rows whatever the server time zone (security.md CRASH-8)', async () => {
    // A time zone is fixed per process (Jest sandboxes process.env), so each rebuild runs the operator
    // command in its own process; `npm test` builds it first.
    const cli = join(__dirname, '../../dist/apps/cli/src/main.js');
    expect(existsSync(cli)).toBe(true);
    const dumps: Array<Record<string, string>> = [];
    for (const timeZone of ['Pacific/Kiritimati', 'America/Adak']) {
      const env = { ...process.env, TZ: timeZone, DATABASE_URL: t.db.adminUrl, DATABASE_APP_URL: t.db.appUrl };
      const { stdout } = await run(process.execPath, [cli, 'projections', 'rebuild', '--all'], { env });
      const rebuilt = [...stdout.matchAll(/Rebuilt (\S+) v\d+: (\d+) events/g)];
      expect(rebuilt.length).toBeGreaterThanOrEqual(5);
      expect(rebuilt.some(([, , events]) => Number(events) > 0)).toBe(true);
      dumps.push(await readModels());
    }
    expect(Object.values(dumps[0]).some((rows) => rows !== '[]')).toBe(true);
    expect(dumps[1]).toEqual(dumps[0]);
  }, 90_000);
});
