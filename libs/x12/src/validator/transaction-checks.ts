import { formatCents } from '@revcycle/kernel';
import { issueAt, type X12Issue } from '../issues';
import { component, element, repetitions, type Segment } from '../reader/segment';
import { decimalToCents } from '../values';

/** HL numbering (X12.6 HL): HL01 1..n without gaps or repeats, HL02 an earlier HL01, HL04 matching the children. */
export function checkHierarchy(segments: readonly Segment[], issues: X12Issue[]): void {
  const hls = segments.filter((s) => s.id === 'HL');
  const seen = new Set<string>();
  const parents = new Set(hls.map((s) => element(s, 2)).filter(Boolean));
  hls.forEach((hl, i) => {
    const id = element(hl, 1);
    if (seen.has(id)) issues.push(issueAt(hl, 'error', 'HL_DUPLICATE_ID', `HL01 ${id} is used twice`, { element: 'HL01' }));
    else if (id !== String(i + 1)) issues.push(issueAt(hl, 'error', 'HL_SEQUENCE', `HL01 ${id} should be ${i + 1}`, { element: 'HL01' }));
    const parent = element(hl, 2);
    if (parent && !seen.has(parent)) issues.push(issueAt(hl, 'error', 'HL_PARENT_UNKNOWN', `HL02 ${parent} is not an earlier HL01`, { element: 'HL02' }));
    seen.add(id);
    const hasChildren = parents.has(id);
    if (element(hl, 4) === '1' && !hasChildren) {
      issues.push(issueAt(hl, 'error', 'HL_CHILD_MISSING', `HL04 says HL ${id} has children but none follows`, { element: 'HL04' }));
    } else if (element(hl, 4) === '0' && hasChildren) {
      issues.push(issueAt(hl, 'error', 'HL_CHILD_UNEXPECTED', `HL04 says HL ${id} has no children but one refers to it`, { element: 'HL04' }));
    }
  });
}

// ICD-10-CM replaced ICD-9-CM for dates of service from 2015-10-01 (45 CFR 162.1002(c)(3)).
const ICD10_START = '20151001';
const ICD9_QUALIFIERS = new Set(['BK', 'BF', 'BP', 'BG']);
const US_STATES_ZIP = /^(\d{5}|\d{9})$/;

/** 837P claim checks beyond the map: CLM02 = Σ SV102, ICD-10 qualifiers without dots, US ZIP codes. */
export function checkProfessionalClaims(segments: readonly Segment[], issues: X12Issue[]): void {
  let clm: Segment | undefined;
  let lines = 0;
  let hi: Segment[] = [];
  let lastDate = '';
  const closeClaim = (): void => {
    if (!clm) return;
    const total = decimalToCents(element(clm, 2));
    if (total !== undefined && total !== lines) {
      issues.push(issueAt(clm, 'error', 'CLAIM_TOTAL_MISMATCH', `CLM02 ${formatCents(total)} ≠ Σ SV102 ${formatCents(lines)}`, { element: 'CLM02' }));
    }
    for (const seg of hi) checkDiagnoses(seg, lastDate, issues);
    clm = undefined;
    hi = [];
    lines = 0;
    lastDate = '';
  };
  for (const seg of segments) {
    if (seg.id === 'CLM' || seg.id === 'HL' || seg.id === 'SE') closeClaim();
    if (seg.id === 'CLM') clm = seg;
    else if (seg.id === 'HI' && clm) hi.push(seg);
    else if (seg.id === 'SV1' && clm) lines += decimalToCents(element(seg, 2)) ?? 0;
    else if (seg.id === 'DTP' && element(seg, 1) === '472') lastDate = element(seg, 3).slice(0, 8);
    else if (seg.id === 'N4' && element(seg, 3) && !element(seg, 4) && !US_STATES_ZIP.test(element(seg, 3))) {
      issues.push(issueAt(seg, 'error', 'ZIP_INVALID', `N403 ${JSON.stringify(element(seg, 3))} is not a 5- or 9-digit US ZIP code`, { element: 'N403' }));
    }
  }
  closeClaim();
}

function checkDiagnoses(seg: Segment, serviceDate: string, issues: X12Issue[]): void {
  for (let n = 1; n < seg.elements.length; n++) {
    for (const rep of repetitions(seg, n)) {
      const qualifier = rep.split(seg.delimiters.component)[0];
      const code = component(seg, n, 2);
      const ref = `HI${String(n).padStart(2, '0')}`;
      if (ICD9_QUALIFIERS.has(qualifier)) {
        const severity = !serviceDate || serviceDate >= ICD10_START ? 'error' : 'warning';
        issues.push(issueAt(seg, severity, 'ICD9_QUALIFIER', `${ref} uses ICD-9-CM qualifier ${qualifier}; send ABK/ABF (ICD-10-CM)`, { element: ref }));
      }
      if (code.includes('.')) issues.push(issueAt(seg, 'error', 'DIAGNOSIS_HAS_DOT', `${ref} diagnosis ${code} must be sent without the dot`, { element: ref }));
    }
  }
}
