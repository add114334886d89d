import type { X12Issue, X12Result } from '../issues';
import type { GroupHeader, InterchangeHeader } from '../reader/envelope';
import type { Delimiters } from '../reader/segment';

/** An element to write: a simple value, or the components of a composite. Empty and undefined mean "not sent". */
export type ElementValue = string | undefined | readonly (string | undefined)[];

/** A segment to write: its id and its elements in order (element 1 first). */
export interface SegmentSpec {
  id: string;
  elements: readonly ElementValue[];
}

/** A transaction set body; ST and SE are added with a computed count. */
export interface TransactionSpec {
  id: string;
  controlNumber: string;
  implementationRef?: string;
  segments: readonly SegmentSpec[];
}

/** A functional group; GS06/GE02 come from `controlNumber`, GE01 is computed; date CCYYMMDD, time HHMM. */
export interface GroupSpec extends Omit<GroupHeader, 'header'> {
  transactions: readonly TransactionSpec[];
}

/** An interchange (date YYMMDD, time HHMM); the caller allocates control numbers once per claim version (x12.md §2.7). */
export interface InterchangeSpec
  extends Pick<InterchangeHeader, 'senderQualifier' | 'senderId' | 'receiverQualifier' | 'receiverId' | 'date' | 'time' | 'controlNumber'> {
  ackRequested?: '0' | '1';
  usage: 'P' | 'T';
  groups: readonly GroupSpec[];
}

/** Writer options: delimiters (x12.md §2.1 defaults) and an optional line break after each terminator. */
export interface WriteOptions {
  delimiters?: Delimiters;
  lineBreak?: boolean;
}

/** The delimiters we send: `*` element, `^` repetition, `:` component, `~` terminator. */
export const DEFAULT_DELIMITERS: Delimiters = { element: '*', repetition: '^', component: ':', segment: '~' };

// X12.6 basic and extended character sets: printable ASCII only; no control characters, nothing above 0x7E.
/** One pattern matching anything a value must not hold: a delimiter or a character outside the X12 set. */
export function unsafeCharacters(d: Delimiters): RegExp {
  const delimiters = [d.element, d.component, d.segment, d.repetition ?? ''].join('').replace(/[\\\]^-]/g, '\\$&');
  return new RegExp(`[^\\x20-\\x7e]|[${delimiters}]`);
}

/** Serializes segments and refuses any value that would corrupt the output (X12.6 §3.4: no escaping exists). */
export class SegmentWriter {
  readonly issues: X12Issue[] = [];
  private readonly parts: string[] = [];
  private readonly forbidden: string[];
  private readonly unsafe: RegExp;
  private readonly suffix: string;
  count = 0;

  constructor(readonly delimiters: Delimiters, lineBreak = false) {
    this.forbidden = [delimiters.element, delimiters.component, delimiters.segment, delimiters.repetition ?? ''].filter(Boolean);
    this.unsafe = unsafeCharacters(delimiters);
    this.suffix = delimiters.segment + (lineBreak ? '\n' : '');
  }

  /** Appends one segment; trailing empty elements and components are dropped (x12.md §2.3). */
  write(spec: SegmentSpec): void {
    const out: string[] = [];
    const elements = spec.elements;
    for (let i = 0; i < elements.length; i++) {
      const value = elements[i];
      out.push(Array.isArray(value) ? this.composite(value, spec.id, i + 1) : this.simple(value as string | undefined, spec.id, i + 1));
    }
    let n = out.length;
    while (n > 0 && out[n - 1] === '') n--;
    out.length = n;
    const e = this.delimiters.element;
    this.parts.push(n ? spec.id + e + out.join(e) + this.suffix : spec.id + this.suffix);
    this.count++;
  }

  /** Appends text already known to be well formed (the fixed-width ISA). */
  raw(text: string): void {
    this.parts.push(text + this.suffix);
  }

  /** Everything written so far. */
  text(): string {
    return this.parts.join('');
  }

  private composite(values: readonly (string | undefined)[], id: string, position: number): string {
    const parts: string[] = [];
    for (let c = 0; c < values.length; c++) parts.push(this.simple(values[c], id, position, c + 1));
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    return parts.join(this.delimiters.component);
  }

  private simple(value: string | undefined, id: string, position: number, comp?: number): string {
    if (value === undefined || value === '') return '';
    if (!this.unsafe.test(value)) return value;
    // Only a refused value needs its reference spelled out (SV101-02).
    const ref = `${id}${String(position).padStart(2, '0')}${comp ? `-${String(comp).padStart(2, '0')}` : ''}`;
    const bad = this.forbidden.find((d) => value.includes(d));
    const [code, why] = bad !== undefined ? ['DELIMITER_IN_VALUE', `the delimiter ${JSON.stringify(bad)}`] : ['INVALID_CHARACTER', 'a character outside the X12 character set'];
    this.issues.push({ severity: 'error', code, message: `${ref} contains ${why}`, element: ref, segmentId: id });
    return value;
  }
}

const pad = (value: string, width: number): string => value.padEnd(width, ' ');

/**
 * Writes a whole interchange with computed SE01, GE01 and IEA01 and matching trailers. Returns no
 * value when any element holds a delimiter or a character outside the X12 set, or an ISA field is too long.
 */
export function writeInterchange(spec: InterchangeSpec, options: WriteOptions = {}): X12Result<string> {
  const d = options.delimiters ?? DEFAULT_DELIMITERS;
  const w = new SegmentWriter(d, options.lineBreak);
  const fixed: [string, string, number][] = [
    ['ISA06', spec.senderId, 15],
    ['ISA08', spec.receiverId, 15],
    ['ISA13', spec.controlNumber, 9],
  ];
  for (const [ref, value, width] of fixed) {
    if (value.length > width || value.length === 0) {
      w.issues.push({ severity: 'error', code: 'ISA_FIELD_WIDTH', message: `${ref} must be 1 to ${width} characters`, element: ref, segmentId: 'ISA' });
    }
  }
  if (!/^\d{1,9}$/.test(spec.controlNumber)) {
    w.issues.push({ severity: 'error', code: 'CONTROL_NUMBER', message: 'ISA13 must be up to nine digits', element: 'ISA13', segmentId: 'ISA' });
  }
  const e = d.element;
  const isa = [
    'ISA', '00', pad('', 10), '00', pad('', 10), pad(spec.senderQualifier, 2), pad(spec.senderId, 15),
    pad(spec.receiverQualifier, 2), pad(spec.receiverId, 15), spec.date, spec.time, d.repetition ?? 'U', '00501',
    spec.controlNumber.padStart(9, '0'), spec.ackRequested ?? '0', spec.usage, d.component,
  ].join(e);
  w.raw(isa);
  for (const group of spec.groups) {
    w.write({ id: 'GS', elements: [group.functionalId, group.senderCode, group.receiverCode, group.date, group.time, group.controlNumber, 'X', group.version] });
    for (const tx of group.transactions) {
      const before = w.count;
      w.write({ id: 'ST', elements: [tx.id, tx.controlNumber, tx.implementationRef] });
      tx.segments.forEach((s) => w.write(s));
      w.write({ id: 'SE', elements: [String(w.count - before + 1), tx.controlNumber] });
    }
    w.write({ id: 'GE', elements: [String(group.transactions.length), group.controlNumber] });
  }
  w.write({ id: 'IEA', elements: [String(spec.groups.length), spec.controlNumber.padStart(9, '0')] });
  return w.issues.length ? { issues: w.issues } : { value: w.text(), issues: [] };
}
