import { issueAt, type X12Issue, type X12Result } from '../issues';
import { transactionsOf, type X12Document, type X12TransactionSet } from '../reader/read-x12';
import { component, element, type Segment } from '../reader/segment';

/** What a receiver did with a transaction set or group (IK501 / AK901, 005010X231A1). */
export type AckStatus = 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';

/** IK4: one element in error. */
export interface ElementError {
  position: number;
  component?: number;
  repetition?: number;
  dataElement?: string;
  code: string;
  badValue?: string;
}

/** IK3 (with CTX and IK4): one segment in error, by its position in the acknowledged transaction set. */
export interface SegmentError {
  segmentId: string;
  /** IK302: position of the bad segment in the transaction set (ST = 1), which maps back to our claim. */
  position: number;
  loopId?: string;
  code?: string;
  context: string[];
  elementErrors: ElementError[];
}

/** AK2 … IK5: the verdict on one transaction set we sent. */
export interface TransactionSetAck {
  transactionSetId: string;
  controlNumber: string;
  implementationRef?: string;
  status: AckStatus;
  statusCode: string;
  errorCodes: string[];
  segmentErrors: SegmentError[];
}

/** AK1 … AK9: the verdict on one functional group we sent. */
export interface GroupAck {
  functionalId: string;
  groupControlNumber: string;
  version?: string;
  status?: AckStatus;
  statusCode?: string;
  counts?: { included: number; received: number; accepted: number };
  errorCodes: string[];
  transactionSets: TransactionSetAck[];
}

const STATUS: Record<string, AckStatus> = { A: 'accepted', E: 'accepted-with-errors', P: 'partially-accepted' };
// M, W and X are security rejections (005010X231A1 IK501/AK901); anything unknown is treated as a rejection too.
const status = (code: string): AckStatus => STATUS[code] ?? 'rejected';
const codes = (seg: Segment, from: number, to: number): string[] => {
  const out: string[] = [];
  for (let n = from; n <= to; n++) if (element(seg, n)) out.push(element(seg, n));
  return out;
};
const int = (text: string): number | undefined => (/^\d+$/.test(text) ? Number(text) : undefined);

/** Reads every 999 transaction set of a document into group and transaction-set verdicts. */
export function parse999(doc: X12Document): X12Result<GroupAck[]> {
  const value: GroupAck[] = [];
  const issues: X12Issue[] = [];
  for (const { transaction } of transactionsOf(doc, '999')) readAcknowledgment(transaction, value, issues);
  return { value, issues };
}

function readAcknowledgment(tx: X12TransactionSet, value: GroupAck[], issues: X12Issue[]): void {
  let group: GroupAck | undefined;
  let set: TransactionSetAck | undefined;
  let segErr: SegmentError | undefined;
  for (const seg of tx.segments) {
    switch (seg.id) {
      case 'AK1':
        group = { functionalId: element(seg, 1), groupControlNumber: element(seg, 2), version: element(seg, 3) || undefined, errorCodes: [], transactionSets: [] };
        value.push(group);
        break;
      case 'AK2':
        set = { transactionSetId: element(seg, 1), controlNumber: element(seg, 2), implementationRef: element(seg, 3) || undefined, status: 'rejected', statusCode: '', errorCodes: [], segmentErrors: [] };
        group?.transactionSets.push(set);
        segErr = undefined;
        break;
      case 'IK3':
        segErr = { segmentId: element(seg, 1), position: int(element(seg, 2)) ?? 0, loopId: element(seg, 3) || undefined, code: element(seg, 4) || undefined, context: [], elementErrors: [] };
        set?.segmentErrors.push(segErr);
        break;
      case 'CTX':
        segErr?.context.push(seg.elements.slice(1).join(seg.delimiters.element));
        break;
      case 'IK4':
        segErr?.elementErrors.push({
          position: int(component(seg, 1, 1)) ?? 0,
          component: int(component(seg, 1, 2)),
          repetition: int(component(seg, 1, 3)),
          dataElement: element(seg, 2) || undefined,
          code: element(seg, 3),
          badValue: element(seg, 4) || undefined,
        });
        break;
      case 'IK5':
        if (set) Object.assign(set, { status: status(element(seg, 1)), statusCode: element(seg, 1), errorCodes: codes(seg, 2, 6) });
        set = undefined;
        break;
      case 'AK9':
        if (group) {
          Object.assign(group, { status: status(element(seg, 1)), statusCode: element(seg, 1), errorCodes: codes(seg, 5, 9) });
          group.counts = { included: int(element(seg, 2)) ?? 0, received: int(element(seg, 3)) ?? 0, accepted: int(element(seg, 4)) ?? 0 };
        }
        break;
      default:
        break;
    }
  }
  const last = tx.segments[tx.segments.length - 1];
  if (!group) issues.push(issueAt(last, 'error', 'AK1_MISSING', 'the 999 acknowledges no functional group (AK1)'));
  else if (!group.status) issues.push(issueAt(last, 'error', 'AK9_MISSING', `the 999 has no AK9 verdict for group ${group.groupControlNumber}`));
  for (const s of group?.transactionSets ?? []) {
    if (!s.statusCode) issues.push(issueAt(last, 'error', 'IK5_MISSING', `transaction set ${s.controlNumber} has no IK5 verdict`));
  }
}
