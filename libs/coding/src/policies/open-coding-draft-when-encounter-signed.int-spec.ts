import {
  CODING_PATIENT_ID,
  CODING_PROVIDER_ID,
  CODING_TENANT,
  codingMetadata,
  encounterAddendumRecorded,
  encounterSigned,
  eventually,
  signedFacts,
} from '@revcycle/coding/testing';
import { CommandPipeline, ConsumerRunner, Database, EventSchemaRegistry, PgEventStore, eventStoreMigrations, type DomainEvent } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { BillingProfileSource } from '../adapters/billing-profile.adapter';
import { CodeSetCatalogSource } from '../adapters/code-set-catalog.adapter';
import { CodingRulesSource } from '../adapters/coding-rules.adapter';
import { patientPayerStreamId, providerCredentialStreamId } from '../billing-profile/billing-profile.state';
import { codingMigrations } from '../coding.module';
import { OpenCodingDraftWhenEncounterSigned } from './open-coding-draft-when-encounter-signed.policy';

let db: TestDatabase;
let store: PgEventStore;
let policy: OpenCodingDraftWhenEncounterSigned;
let runner: ConsumerRunner;

async function append(streamId: string, event: DomainEvent): Promise<void> {
  await store.appendToStream(streamId, [{ ...event, eventId: newId(), schemaVersion: 1, metadata: codingMetadata() }], { expected: 'any', tenantId: CODING_TENANT });
}

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...codingMigrations()]);
  const schemas = new EventSchemaRegistry();
  store = new PgEventStore(db.appPool, schemas);
  const rules = new CodingRulesSource(store, new CodeSetCatalogSource(store, new Database(db.appPool)));
  policy = new OpenCodingDraftWhenEncounterSigned(new CommandPipeline(store, schemas), store, rules, new BillingProfileSource(store));
  runner = new ConsumerRunner(db.appPool, store, [policy], { instanceId: 'spec' });
  await append(patientPayerStreamId(CODING_PATIENT_ID), { type: 'coding.PatientPayerRecorded', data: { patientId: CODING_PATIENT_ID, payerKind: 'medicaid', effectiveFrom: '2026-01-01' } });
  await append(providerCredentialStreamId(CODING_PROVIDER_ID), { type: 'coding.ProviderCredentialRecorded', data: { providerId: CODING_PROVIDER_ID, credential: 'LPC' } });
});
afterAll(() => db.drop());

async function sign(encounterId = newId(), facts = signedFacts()): Promise<string> {
  await append(`encounter-${encounterId}`, encounterSigned(facts, encounterId));
  return encounterId;
}

const codingEvents = (encounterId: string) => store.readStream(`coding-${encounterId}`, { tenantId: CODING_TENANT });

/** Runs the policy until the coding stream holds `count` events. */
const catchUpTo = (encounterId: string, count: number) =>
  eventually(async () => {
    await runner.catchUp(policy);
    return (await codingEvents(encounterId)).length >= count;
  });

/** Replays the whole log into the policy again, as a redelivery after a rebuild would. */
async function replay(): Promise<void> {
  await runner.checkpoints.resetForRebuild(policy, 'spec');
  await eventually(async () => (await runner.catchUp(policy)) > 0);
}

describe('OpenCodingDraftWhenEncounterSigned', () => {
  it("opens a draft with the suggested lines for the patient's payer and the provider's credential, caused by the signing", async () => {
    const encounterId = await sign();
    await catchUpTo(encounterId, 1);
    const [opened, ...rest] = await codingEvents(encounterId);
    expect(rest).toEqual([]);
    expect(opened).toMatchObject({
      type: 'coding.CodingDraftOpened',
      data: { encounterId, patientId: CODING_PATIENT_ID, codingVersion: 1, lines: [{ code: '90837', modifiers: ['95', 'HO'], placeOfService: '10' }] },
    });
    const [signed] = await store.readStream(`encounter-${encounterId}`, { tenantId: CODING_TENANT });
    expect(opened.metadata).toMatchObject({ causationId: signed.eventId, correlationId: 'corr-coding', actor: { id: 'policy:open-coding-draft-when-encounter-signed', role: 'system' } });
  });

  it('opens one draft when the signing is delivered twice', async () => {
    const encounterId = await sign();
    await catchUpTo(encounterId, 1);
    const { events } = await store.readAll(store.start, 1000);
    const signing = events.find((event) => event.streamId === `encounter-${encounterId}`)!;
    await policy.apply(signing);
    await replay();
    expect((await codingEvents(encounterId)).map((event) => event.type)).toEqual(['coding.CodingDraftOpened']);
  });

  it('revises the draft from an addendum, once however often it is delivered', async () => {
    const encounterId = await sign();
    await append(`encounter-${encounterId}`, encounterAddendumRecorded(signedFacts({ minutes: 45, endTime: '2026-03-04T14:45:00Z' }), newId(), encounterId));
    await catchUpTo(encounterId, 2);
    await replay();
    const events = await codingEvents(encounterId);
    expect(events.map((event) => event.type)).toEqual(['coding.CodingDraftOpened', 'coding.CodingDraftRevised']);
    expect(events[1].data).toMatchObject({ lines: [{ code: '90834' }] });
  });

  it('withdraws the coding when the encounter is voided, once however often the void is delivered', async () => {
    const encounterId = await sign();
    const voided = { type: 'encounters.EncounterVoided', data: { encounterId, reason: 'duplicate', wasSigned: true, voidedAt: '2026-03-06T08:00:00.000Z' } };
    await append(`encounter-${encounterId}`, voided);
    await catchUpTo(encounterId, 2);
    await replay();
    const events = await codingEvents(encounterId);
    expect(events.map((event) => event.type)).toEqual(['coding.CodingDraftOpened', 'coding.CodingWithdrawn']);
    expect(events[1].data).toEqual({ encounterId, patientId: CODING_PATIENT_ID, dateOfService: '2026-03-04', codingVersion: 1, reason: 'duplicate', wasApproved: false, withdrawnAt: '2026-03-06T08:00:00.000Z' });
  });

  it("opens a draft without lines, saying what is missing, when the patient's payer is unknown", async () => {
    const encounterId = newId();
    await append(`encounter-${encounterId}`, { ...encounterSigned(signedFacts(), encounterId), data: { ...encounterSigned(signedFacts(), encounterId).data, patientId: newId() } });
    await catchUpTo(encounterId, 1);
    const [opened] = await codingEvents(encounterId);
    expect(opened.data).toMatchObject({ request: null, lines: [], findings: [expect.objectContaining({ ruleId: 'CODING.PAYER.MISSING' })] });
  });
});
