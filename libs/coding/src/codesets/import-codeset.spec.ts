import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ValidationFailed } from '@revcycle/kernel';

import { CodeSetCatalog } from './code-set.catalog';
import { CodeSetFileInvalid } from './code-set.errors';
import { importCodeSet } from './import-codeset';

const SHARED_CODESETS = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'codesets');

describe('importCodeSet (revcycle codesets import KIND FILE)', () => {
  it.each([
    ['icd10cm', 'icd10cm/icd10cm_order_2026_bh_subset.txt', 3158],
    ['icd10cm', 'icd10cm/icd10cm_codes_2026_bh_subset.txt', 2425],
    ['hcpcs', 'hcpcs/HCPC2025_OCT_ANWEB_bh_codes.csv', 103],
    ['hcpcs_modifier', 'hcpcs/HCPC2025_OCT_ANWEB_bh_modifiers.csv', 33],
    ['ncci_ptp', 'ncci/ncci_ptp_practitioner_2024q3_bh.csv', 1072],
    ['ncci_mue', 'ncci/ncci_mue_practitioner_2024q3_bh.csv', 47],
  ])('imports %s from %s with progress up to the end', (kind, path, entries) => {
    const progress: number[] = [];
    const { release, outcome } = importCodeSet(kind, join(SHARED_CODESETS, path), new CodeSetCatalog(), {
      onProgress: (done, total) => progress.push(total - done),
    });
    expect(outcome).toBe('added');
    expect(release.entryCount).toBe(entries);
    expect(progress[progress.length - 1]).toBe(0);
  });

  it('is a no-op the second time the same file is imported', () => {
    const catalog = new CodeSetCatalog();
    const file = join(SHARED_CODESETS, 'pos', 'place_of_service.csv');
    const first = importCodeSet('place_of_service', file, catalog, { effectiveFrom: '2023-09-01' });
    const second = importCodeSet('place_of_service', file, catalog, { effectiveFrom: '2023-09-01' });
    expect([first.outcome, second.outcome]).toEqual(['added', 'already_loaded']);
    expect(second.release.releaseId).toBe(first.release.releaseId);
    expect(catalog.releases('place_of_service')).toHaveLength(1);
  });

  it('refuses an unknown kind', () => {
    expect(() => importCodeSet('cpt', 'x', new CodeSetCatalog())).toThrow(ValidationFailed);
  });

  it('refuses a malformed file and leaves the catalog unchanged', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'codesets-')), 'icd10cm_order_2027.txt');
    writeFileSync(file, '00001 F32     0 too short\r\n');
    const catalog = new CodeSetCatalog();
    expect(() => importCodeSet('icd10cm', file, catalog)).toThrow(CodeSetFileInvalid);
    expect(catalog.releases('icd10cm')).toHaveLength(0);
  });
});
