import { issueAt, type X12Issue } from '../issues';
import { components, element, type Segment } from '../reader/segment';
import { decimalToCents, decimalToQuantity, x12DateToLocal } from '../values';
import type { Adjustment, Procedure } from './remittance';

// 835 TR3 (005010X221A1) code lists, as carried by the implementation-guide map.
const CAS_GROUPS = new Set(['CO', 'OA', 'PI', 'PR']);
const PROCEDURE_QUALIFIERS = new Set(['AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'N6', 'NU', 'UI', 'WK']);

/** Reads elements of the current segment as typed values, reporting each unreadable one; reused per segment. */
export class SegmentValues {
  private seg!: Segment;

  constructor(private readonly issues: X12Issue[]) {}

  /** Points the reader at the next segment. */
  at(seg: Segment): this {
    this.seg = seg;
    return this;
  }

  text(n: number): string | undefined {
    return element(this.seg, n) || undefined;
  }

  cents(n: number, required = true): number | undefined {
    const raw = element(this.seg, n);
    if (raw === '') {
      if (required) this.report('MISSING_ELEMENT', n, 'is required but empty');
      return undefined;
    }
    const cents = decimalToCents(raw);
    if (cents === undefined) this.report('INVALID_AMOUNT', n, `${JSON.stringify(raw)} is not an amount`);
    return cents;
  }

  quantity(n: number): number | undefined {
    const raw = element(this.seg, n);
    if (raw === '') return undefined;
    const q = decimalToQuantity(raw);
    if (q === undefined) this.report('INVALID_QUANTITY', n, `${JSON.stringify(raw)} is not a number`);
    return q;
  }

  date(n: number): string | undefined {
    const raw = element(this.seg, n);
    if (raw === '') return undefined;
    const d = x12DateToLocal(raw);
    if (!d) this.report('INVALID_DATE', n, `${JSON.stringify(raw)} is not a CCYYMMDD date`);
    return d;
  }

  procedure(n: number): Procedure | undefined {
    const parts = components(this.seg, n);
    if (!parts.length) return undefined;
    const [qualifier, code = '', ...modifiers] = parts;
    if (!PROCEDURE_QUALIFIERS.has(qualifier)) {
      this.report('PROCEDURE_QUALIFIER_INVALID', n, `product/service qualifier ${JSON.stringify(qualifier)} is not valid in 005010X221A1`, '-01');
    }
    return { qualifier, code, modifiers: modifiers.slice(0, 4).filter(Boolean) };
  }

  /** All reason/amount/quantity triplets of a CAS (up to six; x12.md §5). */
  adjustments(): Adjustment[] {
    const group = element(this.seg, 1);
    if (!CAS_GROUPS.has(group)) {
      this.report('CAS_GROUP_INVALID', 1, `claim adjustment group ${JSON.stringify(group)} is not CO, OA, PI or PR in 5010`);
    }
    const out: Adjustment[] = [];
    for (let k = 2; k <= 17; k += 3) {
      const reason = element(this.seg, k);
      if (!reason) continue;
      const amountCents = this.cents(k + 1) ?? 0;
      const quantity = this.quantity(k + 2);
      out.push(quantity === undefined ? { group, reason, amountCents } : { group, reason, amountCents, quantity });
    }
    if (element(this.seg, 20) !== '') this.report('CAS_TOO_MANY', 20, 'a CAS carries at most six adjustments');
    if (!out.length) this.report('MISSING_ELEMENT', 2, 'a CAS needs at least one reason code');
    return out;
  }

  report(code: string, n: number, message: string, suffix = ''): void {
    const ref = `${this.seg.id}${String(n).padStart(2, '0')}${suffix}`;
    this.issues.push(issueAt(this.seg, 'error', code, `${ref} ${message}`, { element: ref }));
  }
}
