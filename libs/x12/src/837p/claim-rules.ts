import { isLocalDate } from '@revcycle/kernel';
import type { X12Issue } from '../issues';
import type { Delimiters } from '../reader/segment';
import { unsafeCharacters } from '../writer/write-x12';
import type { ProfessionalClaim, ProfessionalClaimSet, ServiceLine } from './professional-claim';

// ICD-10-CM without the dot: letter, digit, then up to five more (F4310, F32A); x12.md §2.5.
const ICD10 = /^[A-Z][0-9][0-9A-Z]{1,5}$/;
const PROCEDURE = /^[A-Z0-9]{5}$/;
const MODIFIER = /^[A-Z0-9]{2}$/;
const PRINTABLE = /^[\x20-\x7e]*$/;

/** Checks a claim set before any output is written; every problem names the model field. */
export function checkClaimSet(set: ProfessionalClaimSet, delimiters: Delimiters): X12Issue[] {
  const issues: X12Issue[] = [];
  const fail = (path: string, message: string): void => {
    issues.push({ severity: 'error', code: 'CLAIM_INVALID', message: `${path} ${message}`, element: path });
  };
  const unsafe = unsafeCharacters(delimiters);
  // A quick scan first; field paths are only spelled out when something is wrong.
  if (anyUnsafe(set, unsafe)) checkText(set, '', delimiters, unsafe, fail);
  if (!set.claims.length) fail('claims', 'must hold at least one claim');
  set.claims.forEach((claim, i) => checkClaim(claim, `claims[${i}]`, fail));
  return issues;
}

type Fail = (path: string, message: string) => void;

function anyUnsafe(value: unknown, unsafe: RegExp): boolean {
  if (typeof value === 'string') return unsafe.test(value);
  if (Array.isArray(value)) return value.some((v) => anyUnsafe(v, unsafe));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const k in record) if (anyUnsafe(record[k], unsafe)) return true;
  }
  return false;
}

// X12.6 §3.4: no escaping exists, so a delimiter or non-printable character in any value is refused.
function checkText(value: unknown, path: string, d: Delimiters, unsafe: RegExp, fail: Fail): void {
  if (typeof value === 'string') {
    if (!unsafe.test(value)) return;
    const bad = [d.element, d.component, d.segment, d.repetition].find((c) => c && value.includes(c));
    if (bad) fail(path, `contains the delimiter ${JSON.stringify(bad)}`);
    else if (!PRINTABLE.test(value)) fail(path, 'contains a character outside the X12 character set');
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkText(value[i], `${path}[${i}]`, d, unsafe, fail);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const k in record) if (typeof record[k] !== 'number' && typeof record[k] !== 'boolean') checkText(record[k], path ? `${path}.${k}` : k, d, unsafe, fail);
  }
}

function checkClaim(claim: ProfessionalClaim, path: string, fail: Fail): void {
  const pcn = claim.patientControlNumber;
  // CLM01 allows 38 characters, but payers commonly truncate at 20 (x12.md §2.5).
  if (!pcn || pcn.length > 20) fail(`${path}.patientControlNumber`, 'must be 1 to 20 characters');
  if (claim.frequency !== '1' && !claim.payerClaimControlNumber) {
    fail(`${path}.payerClaimControlNumber`, `is required for frequency ${claim.frequency} (REF*F8)`);
  }
  if (claim.diagnoses.length < 1 || claim.diagnoses.length > 12) fail(`${path}.diagnoses`, 'must hold 1 to 12 codes');
  claim.diagnoses.forEach((code, i) => {
    if (!ICD10.test(code)) fail(`${path}.diagnoses[${i}]`, `${JSON.stringify(code)} is not an ICD-10-CM code without dot`);
  });
  if (claim.lines.length < 1 || claim.lines.length > 50) fail(`${path}.lines`, 'must hold 1 to 50 service lines');
  claim.lines.forEach((line, i) => checkLine(line, claim.diagnoses.length, `${path}.lines[${i}]`, fail));
  for (const [k, date] of [
    ['subscriber.birthDate', claim.subscriber.birthDate],
    ['patient.birthDate', claim.patient?.birthDate],
  ] as const) {
    if (date !== undefined && !isLocalDate(date)) fail(`${path}.${k}`, 'is not a YYYY-MM-DD date');
  }
  claim.otherPayers?.forEach((op, i) => {
    if (!Number.isSafeInteger(op.paidCents)) fail(`${path}.otherPayers[${i}].paidCents`, 'must be integer cents');
  });
}

function checkLine(line: ServiceLine, diagnoses: number, path: string, fail: Fail): void {
  if (!PROCEDURE.test(line.procedureCode)) fail(`${path}.procedureCode`, 'must be a five-character CPT/HCPCS code');
  if ((line.modifiers?.length ?? 0) > 4) fail(`${path}.modifiers`, 'at most four modifiers');
  line.modifiers?.forEach((m, i) => MODIFIER.test(m) || fail(`${path}.modifiers[${i}]`, 'must be two characters'));
  if (!Number.isSafeInteger(line.chargeCents) || line.chargeCents < 0) fail(`${path}.chargeCents`, 'must be non-negative integer cents');
  if (!(line.units > 0) || line.units >= 1e6 || Math.round(line.units * 1000) !== line.units * 1000) {
    fail(`${path}.units`, 'must be positive with at most three decimals');
  }
  if (line.diagnosisPointers.length < 1 || line.diagnosisPointers.length > 4) fail(`${path}.diagnosisPointers`, 'must hold 1 to 4 pointers');
  line.diagnosisPointers.forEach((p, i) => {
    if (!Number.isInteger(p) || p < 1 || p > diagnoses) fail(`${path}.diagnosisPointers[${i}]`, `must point at one of the ${diagnoses} diagnoses`);
  });
  if (!isLocalDate(line.serviceDate)) fail(`${path}.serviceDate`, 'is not a YYYY-MM-DD date');
}
