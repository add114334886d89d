import { issueAt, type X12Issue, type X12Result } from '../issues';
import { transactionsOf, type X12Document, type X12Group, type X12Interchange, type X12TransactionSet } from '../reader/read-x12';
import { component, components, element, repetitions, type Segment } from '../reader/segment';
import { decimalToCents, decimalToQuantity, x12DateToLocal } from '../values';
import type {
  Address, ClaimAdjustment, LineAdjudication, OtherPayer, PersonName, ProfessionalClaim, ProfessionalClaimSet, ServiceLine, Subscriber,
} from './professional-claim';

type Context = 'header' | 'billing' | 'payTo' | 'subscriber' | 'payer' | 'patient' | 'claim' | 'facility' | 'other' | 'line' | 'lineAdjudication';

const name = (s: Segment): PersonName => {
  const n: PersonName = { last: element(s, 3) };
  if (element(s, 4)) n.first = element(s, 4);
  if (element(s, 5)) n.middle = element(s, 5);
  if (element(s, 7)) n.suffix = element(s, 7);
  return n;
};
const cents = (s: Segment, n: number): number => decimalToCents(element(s, n)) ?? 0;
const date = (s: Segment, n: number): string => x12DateToLocal(element(s, n).slice(0, 8)) ?? '';
const casAdjustments = (s: Segment): ClaimAdjustment[] => {
  const out: ClaimAdjustment[] = [];
  for (let k = 2; k <= 17; k += 3) {
    if (!element(s, k)) continue;
    const adj: ClaimAdjustment = { group: element(s, 1) as ClaimAdjustment['group'], reason: element(s, k), amountCents: cents(s, k + 1) };
    const q = decimalToQuantity(element(s, k + 2));
    if (q !== undefined) adj.quantity = q;
    out.push(adj);
  }
  return out;
};

/**
 * Reads 837P transaction sets back into the claim model (one set per 2000A billing provider): the
 * independent check that generated files say what the model said, and a reader for partner files.
 */
export function read837P(doc: X12Document): X12Result<ProfessionalClaimSet[]> {
  const sets: ProfessionalClaimSet[] = [];
  const issues: X12Issue[] = [];
  for (const { transaction, group, interchange } of transactionsOf(doc, '837')) sets.push(...readTransaction(transaction, group, interchange, issues));
  return { value: sets, issues };
}

function readTransaction(tx: X12TransactionSet, group: X12Group, ic: X12Interchange, issues: X12Issue[]): ProfessionalClaimSet[] {
  const sets: ProfessionalClaimSet[] = [];
  const header = { submitter: { name: '', id: '', contactName: '', phone: '' }, receiver: { name: '', id: '' }, batch: '', purpose: '00', date: '', time: '' };
  let set: ProfessionalClaimSet | undefined;
  let subscriber: Subscriber | undefined;
  let payer = { name: '', payerId: '' };
  let patient: ProfessionalClaim['patient'];
  let claim: ProfessionalClaim | undefined;
  let other: OtherPayer | undefined;
  let line: ServiceLine | undefined;
  let adjudication: LineAdjudication | undefined;
  let ctx: Context = 'header';
  const setAddress = (target: { address?: Address } | undefined, s: Segment): void => {
    if (!target) return;
    if (s.id === 'N3') target.address = { line1: element(s, 1), ...(element(s, 2) ? { line2: element(s, 2) } : {}), city: '', state: '', zip: '' };
    else if (target.address) Object.assign(target.address, { city: element(s, 1), state: element(s, 2), zip: element(s, 3) });
  };
  for (const s of tx.segments) {
    const q = element(s, 1);
    switch (s.id) {
      case 'BHT':
        Object.assign(header, { purpose: element(s, 2), batch: element(s, 3), date: x12DateToLocal(element(s, 4)) ?? '', time: element(s, 5) });
        break;
      case 'HL':
        if (element(s, 3) === '20') {
          set = {
            control: { interchange: ic.controlNumber, group: group.controlNumber, transaction: tx.controlNumber, batchReference: header.batch },
            createdAt: { date: header.date, time: header.time },
            usage: ic.usage as 'P' | 'T',
            purpose: header.purpose as '00' | '18',
            interchangeSender: { qualifier: ic.senderQualifier, id: ic.senderId },
            interchangeReceiver: { qualifier: ic.receiverQualifier, id: ic.receiverId },
            submitter: { ...header.submitter },
            receiver: { ...header.receiver },
            billingProvider: { npi: '', taxId: { qualifier: 'EI', value: '' }, address: { line1: '', city: '', state: '', zip: '' } },
            claims: [],
          };
          sets.push(set);
          ctx = 'billing';
        } else if (element(s, 3) === '22') {
          patient = undefined;
          ctx = 'subscriber';
        } else if (element(s, 3) === '23') {
          patient = { relationship: '', name: { last: '' }, address: { line1: '', city: '', state: '', zip: '' }, birthDate: '', gender: 'U' };
          ctx = 'patient';
        }
        claim = undefined;
        break;
      case 'PRV':
        if (q === 'BI' && set) set.billingProvider.taxonomy = element(s, 3);
        else if (q === 'PE' && claim?.renderingProvider) claim.renderingProvider.taxonomy = element(s, 3);
        break;
      case 'PER':
        if (ctx === 'header') Object.assign(header.submitter, { contactName: element(s, 2), phone: element(s, 4) });
        else if (ctx === 'billing' && set) set.billingProvider.contact = { name: element(s, 2), phone: element(s, 4) };
        break;
      case 'NM1':
        ctx = nameSegment(s, ctx);
        break;
      case 'N3':
      case 'N4':
        if (ctx === 'billing') setAddress(set?.billingProvider, s);
        else if (ctx === 'payTo' && set) {
          const holder: { address?: Address } = { address: set.payToAddress };
          setAddress(holder, s);
          set.payToAddress = holder.address;
        } else if (ctx === 'subscriber') setAddress(subscriber, s);
        else if (ctx === 'patient') setAddress(patient, s);
        else if (ctx === 'facility') setAddress(claim?.serviceFacility, s);
        break;
      case 'REF':
        if (ctx === 'billing' && set && (q === 'EI' || q === 'SY')) set.billingProvider.taxId = { qualifier: q, value: element(s, 2) };
        else if (claim && q === 'F8') claim.payerClaimControlNumber = element(s, 2);
        else if (claim && q === 'G1') claim.priorAuthorization = element(s, 2);
        else if (line && q === '6R') line.lineControlNumber = element(s, 2);
        break;
      case 'SBR':
        if (claim) {
          other = { payerResponsibility: q as OtherPayer['payerResponsibility'], relationship: element(s, 2), claimFilingIndicator: element(s, 9), subscriber: { name: { last: '' }, memberId: '' }, payer: { name: '', payerId: '' }, paidCents: 0, adjustments: [] };
          if (element(s, 3)) other.groupNumber = element(s, 3);
          (claim.otherPayers ??= []).push(other);
          ctx = 'other';
        } else {
          subscriber = { payerResponsibility: q as Subscriber['payerResponsibility'], claimFilingIndicator: element(s, 9), memberId: '', name: { last: '' } };
          if (element(s, 3)) subscriber.groupNumber = element(s, 3);
        }
        break;
      case 'DMG': {
        const target = ctx === 'patient' ? patient : ctx === 'subscriber' ? subscriber : undefined;
        if (target) Object.assign(target, { birthDate: date(s, 2), gender: element(s, 3) });
        break;
      }
      case 'PAT':
        if (patient) patient.relationship = q;
        break;
      case 'CLM':
        if (!set || !subscriber) {
          issues.push(issueAt(s, 'error', 'CLAIM_OUTSIDE_HIERARCHY', 'CLM appears before any 2000A billing provider and 2000B subscriber'));
          claim = undefined;
          break;
        }
        claim = {
          subscriber,
          payer: { ...payer },
          ...(patient ? { patient } : {}),
          patientControlNumber: q,
          frequency: component(s, 5, 3) as ProfessionalClaim['frequency'],
          placeOfService: component(s, 5, 1),
          providerSignature: element(s, 6) === 'Y',
          assignment: element(s, 7) as ProfessionalClaim['assignment'],
          benefitsAssigned: element(s, 8) === 'Y',
          releaseOfInformation: element(s, 9) as ProfessionalClaim['releaseOfInformation'],
          diagnoses: [],
          lines: [],
        };
        set.claims.push(claim);
        line = undefined;
        ctx = 'claim';
        break;
      case 'HI':
        if (claim) for (let n = 1; n < s.elements.length; n++) for (const rep of repetitions(s, n)) claim.diagnoses.push(rep.split(s.delimiters.component)[1] ?? '');
        break;
      case 'CAS':
        if (ctx === 'lineAdjudication' && adjudication) adjudication.adjustments.push(...casAdjustments(s));
        else if (ctx === 'other' && other) other.adjustments.push(...casAdjustments(s));
        break;
      case 'AMT':
        if (ctx === 'other' && other && q === 'D') other.paidCents = cents(s, 2);
        else if (ctx === 'other' && other && q === 'EAF') other.remainingPatientLiabilityCents = cents(s, 2);
        else if (ctx === 'lineAdjudication' && adjudication && q === 'EAF') adjudication.remainingPatientLiabilityCents = cents(s, 2);
        break;
      case 'LX':
        line = undefined;
        ctx = 'line';
        break;
      case 'SV1':
        if (claim) {
          const [, code = '', ...mods] = components(s, 1);
          line = { procedureCode: code, chargeCents: cents(s, 2), units: decimalToQuantity(element(s, 4)) ?? 0, diagnosisPointers: components(s, 7).map(Number), serviceDate: '' };
          if (mods.length) line.modifiers = mods.slice(0, 4);
          if (element(s, 5)) line.placeOfService = element(s, 5);
          claim.lines.push(line);
        }
        break;
      case 'DTP':
        if (line && q === '472') line.serviceDate = date(s, 3);
        else if (adjudication && q === '573') adjudication.adjudicationDate = date(s, 3);
        break;
      case 'SVD':
        if (line) {
          const [, code = '', ...mods] = components(s, 3);
          adjudication = { payerId: q, paidCents: cents(s, 2), procedureCode: code, units: decimalToQuantity(element(s, 5)) ?? 0, adjustments: [], adjudicationDate: '' };
          if (mods.length) adjudication.modifiers = mods;
          (line.adjudications ??= []).push(adjudication);
          ctx = 'lineAdjudication';
        }
        break;
      default:
        break;
    }
  }
  return sets;

  function nameSegment(s: Segment, current: Context): Context {
    const code = element(s, 1);
    const id = element(s, 9);
    if (code === '41') Object.assign(header.submitter, { name: element(s, 3), id });
    else if (code === '40') Object.assign(header.receiver, { name: element(s, 3), id });
    else if (code === '85' && set) {
      if (element(s, 2) === '1') set.billingProvider.person = name(s);
      else set.billingProvider.organizationName = element(s, 3);
      set.billingProvider.npi = id;
      return 'billing';
    } else if (code === '87') return 'payTo';
    else if (code === 'IL' && current === 'other' && other) other.subscriber = { name: name(s), memberId: id };
    else if (code === 'PR' && current === 'other' && other) other.payer = { name: element(s, 3), payerId: id };
    else if (code === 'IL' && subscriber) Object.assign(subscriber, { name: name(s), memberId: id });
    else if (code === 'PR') {
      payer = { name: element(s, 3), payerId: id };
      return 'payer';
    } else if (code === 'QC' && patient) patient.name = name(s);
    else if (code === '82' && claim) claim.renderingProvider = { npi: id, name: name(s) };
    else if (code === 'DQ' && claim) claim.supervisingProvider = { npi: id, name: name(s) };
    else if (code === '77' && claim) {
      claim.serviceFacility = { name: element(s, 3), ...(id ? { npi: id } : {}), address: { line1: '', city: '', state: '', zip: '' } };
      return 'facility';
    }
    return current === 'payer' || current === 'facility' ? 'claim' : current;
  }
}
