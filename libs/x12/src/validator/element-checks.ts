import { issueAt, type X12Issue } from '../issues';
import type { Segment } from '../reader/segment';
import type { X12Dictionary } from './dictionary';
import type { CompositeDef, ElementDef, SegmentDef } from './ig-map';

// The 837 map still lists the 00401 standards id `U` for ISA11; in 00501 ISA11 is the repetition
// separator (X12.5), which the reader already checks.
const IGNORED_CODE_LISTS = new Set(['ISA11']);
const NUMERIC = /^-?\d+$/;
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)$/;
const TIME = /^([01]\d|2[0-3])[0-5]\d(?:[0-5]\d\d*)?$/;

function validDate(text: string): boolean {
  const full = text.length === 6 ? `20${text}` : text;
  if (!/^\d{8}$/.test(full)) return false;
  const d = new Date(`${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.getUTCDate() === Number(full.slice(6));
}

/** Checks every element of a segment against its definition: usage, type, length, codes and syntax rules. */
export function checkElements(seg: Segment, def: SegmentDef, loop: string, dict: X12Dictionary, issues: X12Issue[]): void {
  const report = (code: string, ref: string, message: string): void => {
    issues.push(issueAt(seg, 'error', code, `${ref} ${message}`, { element: ref, loop }));
  };
  const present = (seq: number): boolean => (seg.elements[seq] ?? '') !== '';
  const maxSeq = def.elements.reduce((m, e) => Math.max(m, e.seq), 0);
  for (let n = maxSeq + 1; n < seg.elements.length; n++) {
    if (seg.elements[n] !== '') report('TOO_MANY_ELEMENTS', `${seg.id}${String(n).padStart(2, '0')}`, 'is not defined for this segment');
  }
  for (const el of def.elements) {
    const raw = seg.elements[el.seq] ?? '';
    if (raw === '') {
      if (el.usage === 'R') report('REQUIRED_ELEMENT_MISSING', el.ref, 'is required but missing');
      continue;
    }
    if (el.usage === 'N') {
      report('ELEMENT_NOT_USED', el.ref, 'is marked "not used" by the implementation guide but has a value');
      continue;
    }
    const reps = el.repeat > 1 && seg.delimiters.repetition ? raw.split(seg.delimiters.repetition) : [raw];
    if (reps.length > el.repeat) report('TOO_MANY_REPETITIONS', el.ref, `repeats ${reps.length} times, at most ${el.repeat} allowed`);
    for (const value of reps) {
      if (el.kind === 'composite') checkComposite(value, el, seg.delimiters.component, dict, report);
      else checkValue(value, el, dict, report);
    }
  }
  for (const rule of def.syntax) checkSyntax(rule, present, seg.id, report);
}

type Report = (code: string, ref: string, message: string) => void;

function checkComposite(value: string, def: CompositeDef, separator: string, dict: X12Dictionary, report: Report): void {
  const parts = value.split(separator);
  if (parts.length > def.components.length) report('TOO_MANY_COMPONENTS', def.ref, `has ${parts.length} components, at most ${def.components.length}`);
  for (const comp of def.components) {
    const part = parts[comp.seq - 1] ?? '';
    if (part === '') {
      if (comp.usage === 'R') report('REQUIRED_ELEMENT_MISSING', comp.ref, 'is required but missing');
    } else if (comp.usage === 'N') {
      report('ELEMENT_NOT_USED', comp.ref, 'is marked "not used" by the implementation guide but has a value');
    } else {
      checkValue(part, comp, dict, report);
    }
  }
}

function checkValue(value: string, def: ElementDef, dict: X12Dictionary, report: Report): void {
  const de = dict.elements.get(def.dataEle);
  if (de) {
    // X12.6: lengths of numeric (N, R) values exclude the sign and the decimal point.
    const numeric = de.type === 'R' || de.type.startsWith('N');
    const length = numeric ? value.replace(/[-.]/g, '').length : value.length;
    if (de.type === 'R' && !DECIMAL.test(value)) report('INVALID_TYPE', def.ref, `${JSON.stringify(value)} is not a decimal number`);
    else if (de.type.startsWith('N') && !NUMERIC.test(value)) report('INVALID_TYPE', def.ref, `${JSON.stringify(value)} is not an integer`);
    else if (de.type === 'DT' && !validDate(value)) report('INVALID_DATE', def.ref, `${JSON.stringify(value)} is not a valid date`);
    else if (de.type === 'TM' && !TIME.test(value)) report('INVALID_TIME', def.ref, `${JSON.stringify(value)} is not a valid time`);
    if (length < de.min || length > de.max) {
      report('INVALID_LENGTH', def.ref, `${JSON.stringify(value)} has length ${length}, expected ${de.min}-${de.max}`);
    }
  }
  const codes = def.codes ?? (def.external ? dict.codeSets.get(def.external) : undefined);
  if (codes && !IGNORED_CODE_LISTS.has(def.ref) && !codes.has(value)) report('INVALID_CODE', def.ref, `${JSON.stringify(value)} is not a valid code`);
  if (def.regex && !def.regex.test(value)) report('INVALID_FORMAT', def.ref, `${JSON.stringify(value)} does not match ${def.regex.source}`);
}

// X12.6 syntax notes: P paired, R at least one, E at most one, C conditional, L list conditional.
function checkSyntax(rule: string, present: (seq: number) => boolean, segId: string, report: Report): void {
  const kind = rule[0];
  const seqs = (rule.slice(1).match(/\d\d/g) ?? []).map(Number);
  const refs = seqs.map((s) => `${segId}${String(s).padStart(2, '0')}`);
  const have = seqs.map(present);
  const n = have.filter(Boolean).length;
  const [first, ...rest] = have;
  let broken = false;
  if (kind === 'P') broken = n > 0 && n < seqs.length;
  else if (kind === 'R') broken = n === 0;
  else if (kind === 'E') broken = n > 1;
  else if (kind === 'C') broken = first && rest.some((h) => !h);
  else if (kind === 'L') broken = first && !rest.some(Boolean);
  if (broken) report('SYNTAX_RULE', refs[0], `breaks syntax rule ${rule} (${refs.join(', ')})`);
}
