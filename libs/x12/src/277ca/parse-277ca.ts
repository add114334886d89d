import { issueAt, type X12Issue, type X12Result } from '../issues';
import { transactionsOf, type X12Document } from '../reader/read-x12';
import { component, components, element, type Segment } from '../reader/segment';
import { decimalToCents, x12DateToLocal } from '../values';

/** One STC: claim status category (STC01-1), status code (STC01-2) and entity (STC01-3). */
export interface StatusInfo {
  category: string;
  code: string;
  entity?: string;
  date?: string;
  action?: string;
  chargeCents?: number;
}

/** Front-end result of a claim: only A1/A2/A5 mean accepted; A3/A6/A7/A8 rejected; anything else is surfaced as other. */
export type ClaimAckResult = 'accepted' | 'rejected' | 'other';

/** 2220D: a service line the clearinghouse or payer commented on. */
export interface LineStatus {
  procedure: string[];
  chargeCents?: number;
  lineControlNumber?: string;
  serviceDate?: string;
  statuses: StatusInfo[];
}

/** 2200D: the acknowledgment of one claim, matched to ours by TRN02 = CLM01. */
export interface ClaimAck {
  patientControlNumber: string;
  payerClaimControlNumber?: string;
  clearinghouseTraceNumber?: string;
  serviceStart?: string;
  serviceEnd?: string;
  patient?: { lastName: string; firstName?: string; memberId?: string };
  billingProviderId?: string;
  result: ClaimAckResult;
  statuses: StatusInfo[];
  lines: LineStatus[];
  position?: number;
}

// Claim status category codes (external code source 507): A1 received, A2 accepted into adjudication,
// A5 split claim; A3 returned as unprocessable, A6/A7/A8 rejected for missing, invalid or relational data.
const ACCEPTED = new Set(['A1', 'A2', 'A5']);
const REJECTED = new Set(['A3', 'A6', 'A7', 'A8']);

function result(statuses: readonly StatusInfo[]): ClaimAckResult {
  if (statuses.some((s) => REJECTED.has(s.category))) return 'rejected';
  return statuses.length > 0 && statuses.every((s) => ACCEPTED.has(s.category)) ? 'accepted' : 'other';
}

function statusInfo(seg: Segment): StatusInfo[] {
  const head: StatusInfo = { category: component(seg, 1, 1), code: component(seg, 1, 2) };
  if (component(seg, 1, 3)) head.entity = component(seg, 1, 3);
  const date = x12DateToLocal(element(seg, 2));
  if (date) head.date = date;
  if (element(seg, 3)) head.action = element(seg, 3);
  const charge = decimalToCents(element(seg, 4));
  if (charge !== undefined) head.chargeCents = charge;
  const more = [10, 11]
    .filter((n) => element(seg, n))
    .map((n): StatusInfo => ({ category: component(seg, n, 1), code: component(seg, n, 2), ...(component(seg, n, 3) ? { entity: component(seg, n, 3) } : {}) }));
  return [head, ...more];
}

/** Reads every 277CA (005010X214) of a document into per-claim accept/reject results. */
export function parse277CA(doc: X12Document): X12Result<ClaimAck[]> {
  const value: ClaimAck[] = [];
  const issues: X12Issue[] = [];
  for (const { transaction: tx } of transactionsOf(doc, '277')) {
    let level = '';
    let providerId: string | undefined;
    let patient: ClaimAck['patient'];
    let claim: ClaimAck | undefined;
    let line: LineStatus | undefined;
    let trn: Segment | undefined;
    const close = (): void => {
      if (claim) claim.result = result(claim.statuses);
      if (claim && trn && !claim.statuses.length) {
        issues.push(issueAt(trn, 'error', 'STC_MISSING', `claim ${claim.patientControlNumber} has no STC status`));
      }
      claim = undefined;
      line = undefined;
    };
    for (const seg of tx.segments) {
      const q = element(seg, 1);
      if (seg.id === 'HL') {
        close();
        level = element(seg, 3);
        if (level !== 'PT') patient = undefined;
      } else if (seg.id === 'NM1' && q === '85') providerId = element(seg, 9) || undefined;
      else if (seg.id === 'NM1' && q === 'QC') {
        patient = { lastName: element(seg, 3), ...(element(seg, 4) ? { firstName: element(seg, 4) } : {}), ...(element(seg, 9) ? { memberId: element(seg, 9) } : {}) };
      } else if (seg.id === 'TRN' && level === 'PT') {
        close();
        trn = seg;
        claim = { patientControlNumber: element(seg, 2), result: 'other', statuses: [], lines: [], position: seg.position, ...(patient ? { patient } : {}), ...(providerId ? { billingProviderId: providerId } : {}) };
        value.push(claim);
      } else if (claim) {
        if (seg.id === 'STC') (line ?? claim).statuses.push(...statusInfo(seg));
        else if (seg.id === 'REF' && q === '1K') claim.payerClaimControlNumber = element(seg, 2);
        else if (seg.id === 'REF' && q === 'D9') claim.clearinghouseTraceNumber = element(seg, 2);
        else if (seg.id === 'REF' && q === 'FJ' && line) line.lineControlNumber = element(seg, 2);
        else if (seg.id === 'DTP' && q === '472') {
          const [start, end = start] = element(seg, 3).split('-');
          if (line) line.serviceDate = x12DateToLocal(start);
          else Object.assign(claim, { serviceStart: x12DateToLocal(start), serviceEnd: x12DateToLocal(end) });
        } else if (seg.id === 'SVC') {
          line = { procedure: components(seg, 1), chargeCents: decimalToCents(element(seg, 2)), statuses: [] };
          claim.lines.push(line);
        }
      }
    }
    close();
  }
  return { value, issues };
}
