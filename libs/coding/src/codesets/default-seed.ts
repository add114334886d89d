import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CodeSetCatalog } from './code-set.catalog';
import { CodeSetParseOptions, ImportableCodeSetKind } from './code-set.release';
import { localCptRelease } from './cpt-local-list';
import { parseCodeSetText } from './import-codeset';

// The extracts that ship with the product (libs/coding/seed/README.md), so a fresh install codes
// behavioral-health services without any import. Paths are relative to the seed folder.
export const DEFAULT_SEED_FILES: ReadonlyArray<{ kind: ImportableCodeSetKind; path: string; options?: CodeSetParseOptions }> = [
  { kind: 'icd10cm', path: 'icd10cm/icd10cm_order_2026_bh_subset.txt' },
  { kind: 'hcpcs', path: 'hcpcs/HCPC2025_OCT_ANWEB_bh_codes.csv' },
  { kind: 'hcpcs_modifier', path: 'hcpcs/HCPC2025_OCT_ANWEB_bh_modifiers.csv' },
  // The POS source states only its database date, "updated September 2023" (shared/codesets/README.md §3).
  { kind: 'place_of_service', path: 'pos/place_of_service.csv', options: { effectiveFrom: '2023-09-01' } },
  { kind: 'ncci_ptp', path: 'ncci/ncci_ptp_practitioner_2024q3_bh.csv' },
  { kind: 'ncci_mue', path: 'ncci/ncci_mue_practitioner_2024q3_bh.csv' },
];

/** libs/coding/seed, found from this file in both the TypeScript tree and the built dist tree. */
export function defaultSeedDir(): string {
  return join(__dirname, '..', '..', 'seed');
}

/** A catalog holding the shipped extracts and the local CPT list. */
export function loadDefaultSeed(seedDir: string = defaultSeedDir()): CodeSetCatalog {
  const catalog = new CodeSetCatalog();
  catalog.add(localCptRelease());
  for (const file of DEFAULT_SEED_FILES) {
    const text = readFileSync(join(seedDir, file.path), 'utf8');
    catalog.add(parseCodeSetText(file.kind, text, file.path, file.options));
  }
  return catalog;
}
