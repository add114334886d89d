import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CommandPipeline, Database, EventSchemaRegistry, eventStoreMigrations, PgEventStore } from '@revcycle/event-store';
import { createTestDatabase, type TestDatabase } from '@revcycle/testing';

import { CodeSetReleaseRecorder } from '../code-set-release/code-set-release.adapter';
import { parseCodeSetText } from '../codesets/import-codeset';
import { defaultSeedDir } from '../codesets/default-seed';
import { codingMigrations } from '../coding.module';
import { CodeSetView } from '../rules/code-set.view';
import { CodeSetCatalogSource } from './code-set-catalog.adapter';

let db: TestDatabase;
let source: CodeSetCatalogSource;
let recorder: CodeSetReleaseRecorder;

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations(), ...codingMigrations()]);
  const store = new PgEventStore(db.appPool);
  source = new CodeSetCatalogSource(store, new Database(db.appPool));
  recorder = new CodeSetReleaseRecorder(db.appPool, store, new CommandPipeline(store, new EventSchemaRegistry()));
});
afterAll(() => db.drop());

const icdFindings = async (date: string) => {
  const view = new CodeSetView(await source.current(), date);
  view.find('icd10cm', 'F331');
  return view.findings.map((finding) => finding.ruleId);
};

describe('the runtime code-set catalog', () => {
  it('is the shipped seed plus the imported releases: a date no release covered becomes covered after an import', async () => {
    expect(await icdFindings('2026-11-02')).toEqual(['CODING.CODESET.NO_RELEASE_FOR_DATE']);
    const text = readFileSync(join(defaultSeedDir(), 'icd10cm/icd10cm_order_2026_bh_subset.txt'), 'utf8');
    const fy2027 = parseCodeSetText('icd10cm', text, 'icd10cm_fy2027_test.txt', { effectiveFrom: '2026-10-01', effectiveTo: '2027-09-30' });
    const progress: number[] = [];
    expect(await recorder.record(fy2027, 'spec', (done) => progress.push(done))).toMatchObject({ outcome: 'recorded', releaseId: fy2027.releaseId });
    expect(progress[progress.length - 1]).toBe(fy2027.entryCount);
    expect(await icdFindings('2026-11-02')).toEqual([]);
    const view = new CodeSetView(await source.current(), '2026-11-02');
    expect(view.find('icd10cm', 'F331')).toEqual([expect.objectContaining({ code: 'F331', billable: true })]);
    expect([...view.usedReleaseIds]).toEqual([fy2027.releaseId]);
  });

  it('records a release already held as a no-op', async () => {
    const text = readFileSync(join(defaultSeedDir(), 'pos/place_of_service.csv'), 'utf8');
    const pos = parseCodeSetText('place_of_service', text, 'place_of_service.csv', { effectiveFrom: '2023-09-01' });
    expect((await recorder.record(pos, 'spec')).outcome).toBe('recorded');
    expect((await recorder.record(pos, 'spec')).outcome).toBe('already_recorded');
    expect((await source.current()).releases('place_of_service').filter((held) => held.releaseId === pos.releaseId)).toHaveLength(1);
  });
});
