import type { X12Issue, X12Result } from '../issues';
import { createX12Reader, transactionsOf, type X12Document, type X12ReadLimits } from '../reader/read-x12';
import type { X12Visitor } from '../reader/envelope';
import { RemittanceBuilder, type RemittanceOptions } from './remittance-builder';
import type { Remittance } from './remittance';

const CHUNK = 1 << 20;

/** Turns every 835 transaction set of a read document into a typed remittance, with balancing findings. */
export function parse835(doc: X12Document): X12Result<Remittance[]> {
  const issues: X12Issue[] = [];
  const value: Remittance[] = [];
  for (const { transaction: tx } of transactionsOf(doc, '835')) {
    const builder = new RemittanceBuilder(tx.controlNumber, issues);
    tx.segments.forEach((s) => builder.segment(s));
    value.push(builder.finish());
  }
  return { value, issues };
}

/**
 * A reader visitor that builds remittances as segments stream by. With `keepClaims: false` each claim
 * goes to `onClaim` and is then dropped, so memory stays bounded whatever the file size.
 */
export function remittanceVisitor(
  issues: X12Issue[],
  onRemittance: (remit: Remittance) => void,
  options: RemittanceOptions = {},
): X12Visitor {
  let builder: RemittanceBuilder | undefined;
  return {
    transactionStart(tx) {
      builder = tx.id === '835' ? new RemittanceBuilder(tx.controlNumber, issues, options) : undefined;
    },
    segment(seg) {
      builder?.segment(seg);
    },
    transactionEnd() {
      if (builder) onRemittance(builder.finish());
      builder = undefined;
    },
  };
}

/**
 * Reads 835 remittances straight from bytes or text without keeping the segments: the posting path,
 * faster than `readX12` + `parse835` and bounded by the claims it returns. No value when unreadable.
 */
export function read835(input: Uint8Array | string, limits: Partial<X12ReadLimits> = {}, options: RemittanceOptions = {}): X12Result<Remittance[]> {
  const issues: X12Issue[] = [];
  const value: Remittance[] = [];
  const reader = createX12Reader(remittanceVisitor(issues, (r) => value.push(r), options), limits);
  for (let i = 0; i < input.length; i += CHUNK) {
    reader.push(typeof input === 'string' ? input.slice(i, i + CHUNK) : input.subarray(i, i + CHUNK));
  }
  const read = reader.end();
  const all = [...read.issues, ...issues];
  return read.fatal ? { issues: all } : { value, issues: all };
}
