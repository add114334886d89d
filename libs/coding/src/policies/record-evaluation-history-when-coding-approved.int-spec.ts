import { CODING_PATIENT_ID, CODING_PROVIDER_ID, CODING_TENANT, codingMetadata, encounterSigned, eventually, signedFacts } from '@revcycle/coding/testing';
import { CommandPipeline, ConsumerRunner, Database, EventSchemaRegistry, PgEventStore, eventStoreMigrations, type DomainEvent } from '@revcycle/event-store';
import { newId } from '@revcycle/kernel';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { BillingProfileSource } from '../adapters/billing-profile.adapter';
import { CodeSetCatalogSource } from '../adapters/code-set-catalog.adapter';
import { CodingRulesSource } from '../adapters/coding-rules.adapter';
import { patientPayerStreamId, providerCredentialStreamId } from '../billing-profile/billing-profile.state';
import { decideApproveCoding } from '../coding/approve-coding/approve-coding.command';
import { evolveCoding, initialCodingState } from '../coding/coding.state';
import { codingMigrations } from '../coding.module';
import { OpenCodingDraftWhenEncounterSigned } from './open-coding-draft-when-encounter-signed.policy';
import { RecordEvaluationHistoryWhenCodingApproved } from './record-evaluation-history-when-coding-approved.policy';

let db: TestDatabase;
let store: PgEventStore;
let runner: ConsumerRunner;
let opening: OpenCodingDraftWhenEncounterSigned;
let history: RecordEvaluationHistoryWhenCodingApproved;

async function append(streamId: string, event: DomainEvent): Promise<void> {
  await store.appendToStream(streamId, [{ ...event, eventId: newId(), schemaVersion: 1, metadata: codingMetadata() }], { expected: 'any', tenantId: CODING_TENANT });
}

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...codingMigrations()]);
  const schemas = new EventSchemaRegistry();
  store = new PgEventStore(db.appPool, schemas);
  const pipeline = new CommandPipeline(store, schemas);
  opening = new OpenCodingDraftWhenEncounterSigned(pipeline, store, new CodingRulesSource(store, new CodeSetCatalogSource(store, new Database(db.appPool))), new BillingProfileSource(store));
  history = new RecordEvaluationHistoryWhenCodingApproved(pipeline);
  runner = new ConsumerRunner(db.appPool, store, [opening, history], { instanceId: 'spec' });
  await append(patientPayerStreamId(CODING_PATIENT_ID), { type: 'coding.PatientPayerRecorded', data: { patientId: CODING_PATIENT_ID, payerKind: 'commercial', effectiveFrom: '2025-01-01' } });
  await append(providerCredentialStreamId(CODING_PROVIDER_ID), { type: 'coding.ProviderCredentialRecorded', data: { providerId: CODING_PROVIDER_ID, credential: 'PhD' } });
});
afterAll(() => db.drop());

async function signEvaluation(dateOfService: string): Promise<string> {
  const encounterId = newId();
  await append(`encounter-${encounterId}`, encounterSigned(signedFacts({ serviceCategory: 'diagnostic_evaluation', dateOfService }), encounterId));
  await eventually(async () => {
    await runner.catchUp(opening);
    return (await store.readStream(`coding-${encounterId}`, { tenantId: CODING_TENANT })).length > 0;
  });
  return encounterId;
}

async function draftFindings(encounterId: string): Promise<string[]> {
  const events = await store.readStream(`coding-${encounterId}`, { tenantId: CODING_TENANT });
  const state = events.reduce(evolveCoding, initialCodingState);
  return state.status === 'none' ? [] : state.evaluation.findings.map((finding) => finding.ruleId);
}

describe('RecordEvaluationHistoryWhenCodingApproved', () => {
  it('flags a second diagnostic evaluation inside the payer repeat period once the first is approved', async () => {
    const first = await signEvaluation('2026-01-10');
    const events = await store.readStream(`coding-${first}`, { tenantId: CODING_TENANT });
    const approval = decideApproveCoding({ encounterId: first, approvedBy: 'coder-1', approvedAt: '2026-01-11T10:00:00.000Z' }, events.reduce(evolveCoding, initialCodingState));
    await store.appendToStream(`coding-${first}`, approval.map((event) => ({ ...event, eventId: newId(), schemaVersion: 1, metadata: codingMetadata({ id: 'coder-1', role: 'coder' }) })), { expected: 1n, tenantId: CODING_TENANT });
    const recordedEvents = () => store.readStream(`patient-evaluations-${CODING_PATIENT_ID}`, { tenantId: CODING_TENANT });
    await eventually(async () => {
      await runner.catchUp(history);
      return (await recordedEvents()).length > 0;
    });
    await runner.checkpoints.resetForRebuild(history, 'spec');
    await eventually(async () => (await runner.catchUp(history)) > 0);
    const recorded = await recordedEvents();
    expect(recorded.map((event) => event.data)).toEqual([{ patientId: CODING_PATIENT_ID, encounterId: first, dateOfService: '2026-01-10' }]);

    expect(await draftFindings(await signEvaluation('2026-03-04'))).toContain('CODING.DIAGNOSTIC_EVALUATION.REPEAT_TOO_SOON');
    expect(await draftFindings(await signEvaluation('2026-08-04'))).not.toContain('CODING.DIAGNOSTIC_EVALUATION.REPEAT_TOO_SOON');
  });
});
