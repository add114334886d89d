import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_SEED_FILES, defaultSeedDir, loadDefaultSeed } from './default-seed';
import { IMPORTABLE_CODE_SET_KINDS } from './code-set.release';

// CI clones the repository elsewhere with shared/ beside it: <repoRoot>/../shared.
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const SHARED_CODESETS = join(REPO_ROOT, '..', 'shared', 'codesets');

describe('default code-set seed', () => {
  it.each(DEFAULT_SEED_FILES.map((file) => [file.path]))('ships %s byte-for-byte as the shared extract', (path) => {
    expect(readFileSync(join(defaultSeedDir(), path)).equals(readFileSync(join(SHARED_CODESETS, path)))).toBe(true);
  });

  it('keeps the CRLF line endings of the ICD-10-CM file', () => {
    const bytes = readFileSync(join(defaultSeedDir(), 'icd10cm', 'icd10cm_order_2026_bh_subset.txt'), 'latin1');
    expect(bytes.split('\r\n')).toHaveLength(3159);
  });

  it('loads one release of every importable kind plus the local CPT list', () => {
    const catalog = loadDefaultSeed();
    for (const kind of [...IMPORTABLE_CODE_SET_KINDS, 'cpt_local' as const]) expect(catalog.releases(kind)).toHaveLength(1);
  });

  it('codes a FY2026 date of service out of the box', () => {
    const catalog = loadDefaultSeed();
    const date = '2026-03-04';
    expect(catalog.lookup('icd10cm', date, 'F32A')).toMatchObject({ covered: true, entries: [{ billable: true }] });
    expect(catalog.lookup('place_of_service', date, '10')).toMatchObject({ covered: true, entries: [{ code: '10' }] });
    expect(catalog.lookup('hcpcs', date, 'H2015')).toMatchObject({ covered: true, entries: [{ code: 'H2015' }] });
    expect(catalog.lookup('cpt_local', date, '90837')).toMatchObject({ covered: true, entries: [{ code: '90837' }] });
    expect(catalog.lookup('icd10cm', '2026-10-01', 'F32A')).toEqual({ covered: false, kind: 'icd10cm' });
  });
});
