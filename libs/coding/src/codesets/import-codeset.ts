import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { ValidationFailed } from '@revcycle/kernel';

import { CodeSetCatalog } from './code-set.catalog';
import { AnyCodeSetRelease, CodeSetParseOptions, IMPORTABLE_CODE_SET_KINDS, ImportableCodeSetKind } from './code-set.release';
import { parseHcpcsFile } from './hcpcs.parser';
import { looksLikeIcd10cmOrderFile, parseIcd10cmCodesFile, parseIcd10cmOrderFile } from './icd10cm.parser';
import { parseNcciMueFile } from './ncci-mue.parser';
import { parseNcciPtpFile } from './ncci-ptp.parser';
import { parsePlaceOfServiceFile } from './place-of-service.parser';

export function isImportableKind(kind: string): kind is ImportableCodeSetKind {
  return (IMPORTABLE_CODE_SET_KINDS as readonly string[]).includes(kind);
}

/** Parses the text of one official file into a release of the given kind. */
export function parseCodeSetText(
  kind: ImportableCodeSetKind,
  text: string,
  fileName: string,
  options: CodeSetParseOptions = {},
): AnyCodeSetRelease {
  switch (kind) {
    case 'icd10cm':
      return looksLikeIcd10cmOrderFile(text)
        ? parseIcd10cmOrderFile(text, fileName, options)
        : parseIcd10cmCodesFile(text, fileName, options);
    case 'hcpcs':
    case 'hcpcs_modifier':
      return parseHcpcsFile(kind, text, fileName, options);
    case 'place_of_service':
      return parsePlaceOfServiceFile(text, fileName, options);
    case 'ncci_ptp':
      return parseNcciPtpFile(text, fileName, options);
    case 'ncci_mue':
      return parseNcciMueFile(text, fileName, options);
  }
}

export interface CodeSetImportResult {
  release: AnyCodeSetRelease;
  /** `already_loaded` when the catalog held this exact release: importing it again is a no-op. */
  outcome: 'added' | 'already_loaded';
}

/**
 * `revcycle codesets import KIND FILE`: reads and parses the file (progress through `onProgress`) and
 * adds the release to the catalog. Storing the release as an event is the coding context's job.
 */
export function importCodeSet(
  kind: string,
  filePath: string,
  catalog: CodeSetCatalog,
  options: CodeSetParseOptions = {},
): CodeSetImportResult {
  if (!isImportableKind(kind)) {
    throw new ValidationFailed([{ path: 'kind', message: `must be one of ${IMPORTABLE_CODE_SET_KINDS.join(', ')}` }]);
  }
  const release = parseCodeSetText(kind, readFileSync(filePath, 'utf8'), basename(filePath), options);
  return { release, outcome: catalog.add(release) };
}
