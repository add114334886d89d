import type { X12Result } from '../issues';
import { centsToDecimal, localToX12Date, quantityToDecimal } from '../values';
import { DEFAULT_DELIMITERS, writeInterchange, type SegmentSpec, type WriteOptions } from '../writer/write-x12';
import { checkClaimSet } from './claim-rules';
import type {
  Address, ClaimAdjustment, NamedProvider, PersonName, ProfessionalClaim, ProfessionalClaimSet, ServiceLine,
} from './professional-claim';

/** GS08 and ST03 of the HIPAA 837 professional guide. */
export const VERSION_837P = '005010X222A1';

const seg = (id: string, ...elements: SegmentSpec['elements']): SegmentSpec => ({ id, elements });
const up = (v: string | undefined): string | undefined => v?.toUpperCase();
const person = (n: PersonName): (string | undefined)[] => ['1', up(n.last), up(n.first), up(n.middle), undefined, up(n.suffix)];
const org = (name: string): (string | undefined)[] => ['2', up(name), undefined, undefined, undefined, undefined];
const address = (a: Address): SegmentSpec[] => [seg('N3', up(a.line1), up(a.line2)), seg('N4', up(a.city), a.state, a.zip)];
const yn = (b: boolean): string => (b ? 'Y' : 'N');

/** CAS segments: one per group code, at most six triplets each (005010X222A1 2320/2430 CAS). */
function adjustments(list: readonly ClaimAdjustment[]): SegmentSpec[] {
  const out: SegmentSpec[] = [];
  for (const group of [...new Set(list.map((a) => a.group))]) {
    const items = list.filter((a) => a.group === group);
    for (let i = 0; i < items.length; i += 6) {
      const triplets = items.slice(i, i + 6).flatMap((a) => [a.reason, centsToDecimal(a.amountCents), a.quantity === undefined ? undefined : quantityToDecimal(a.quantity)]);
      out.push(seg('CAS', group, ...triplets));
    }
  }
  return out;
}

function provider(code: string, p: NamedProvider, taxonomy: 'PE' | undefined): SegmentSpec[] {
  const out = [seg('NM1', code, ...person(p.name), 'XX', p.npi)];
  if (taxonomy && p.taxonomy) out.push(seg('PRV', taxonomy, 'PXC', p.taxonomy));
  return out;
}

function line(l: ServiceLine, n: number, claimPos: string): SegmentSpec[] {
  const out = [
    seg('LX', String(n)),
    seg('SV1', ['HC', l.procedureCode, ...(l.modifiers ?? [])], centsToDecimal(l.chargeCents), 'UN', quantityToDecimal(l.units),
      l.placeOfService && l.placeOfService !== claimPos ? l.placeOfService : undefined, undefined, l.diagnosisPointers.map(String)),
    seg('DTP', '472', 'D8', localToX12Date(l.serviceDate)),
  ];
  if (l.lineControlNumber) out.push(seg('REF', '6R', l.lineControlNumber));
  for (const adj of l.adjudications ?? []) {
    out.push(seg('SVD', adj.payerId, centsToDecimal(adj.paidCents), ['HC', adj.procedureCode, ...(adj.modifiers ?? [])], undefined, quantityToDecimal(adj.units)));
    out.push(...adjustments(adj.adjustments), seg('DTP', '573', 'D8', localToX12Date(adj.adjudicationDate)));
    if (adj.remainingPatientLiabilityCents !== undefined) out.push(seg('AMT', 'EAF', centsToDecimal(adj.remainingPatientLiabilityCents)));
  }
  return out;
}

/** The 2000B (and 2000C) hierarchy and 2300 loop of one claim, in 005010X222A1 order. */
function claimSegments(c: ProfessionalClaim, hl: number): SegmentSpec[] {
  const s = c.subscriber;
  const out = [
    seg('HL', String(hl), '1', '22', c.patient ? '1' : '0'),
    seg('SBR', s.payerResponsibility, c.patient ? undefined : '18', s.groupNumber, undefined, undefined, undefined, undefined, undefined, s.claimFilingIndicator),
    seg('NM1', 'IL', ...person(s.name), 'MI', s.memberId),
    ...(s.address ? address(s.address) : []),
  ];
  if (!c.patient && s.birthDate) out.push(seg('DMG', 'D8', localToX12Date(s.birthDate), s.gender ?? 'U'));
  out.push(seg('NM1', 'PR', ...org(c.payer.name), 'PI', c.payer.payerId));
  if (c.patient) {
    const p = c.patient;
    out.push(seg('HL', String(hl + 1), String(hl), '23', '0'), seg('PAT', p.relationship), seg('NM1', 'QC', ...person(p.name)));
    out.push(...address(p.address), seg('DMG', 'D8', localToX12Date(p.birthDate), p.gender));
  }
  const total = c.lines.reduce((t, l) => t + l.chargeCents, 0);
  out.push(seg('CLM', c.patientControlNumber, centsToDecimal(total), undefined, undefined, [c.placeOfService, 'B', c.frequency],
    yn(c.providerSignature), c.assignment, yn(c.benefitsAssigned), c.releaseOfInformation));
  if (c.payerClaimControlNumber) out.push(seg('REF', 'F8', c.payerClaimControlNumber));
  if (c.priorAuthorization) out.push(seg('REF', 'G1', c.priorAuthorization));
  out.push(seg('HI', ...c.diagnoses.map((d, i) => [i === 0 ? 'ABK' : 'ABF', d])));
  if (c.renderingProvider) out.push(...provider('82', c.renderingProvider, 'PE'));
  if (c.serviceFacility) {
    const f = c.serviceFacility;
    out.push(seg('NM1', '77', ...org(f.name), f.npi ? 'XX' : undefined, f.npi), ...address(f.address));
  }
  if (c.supervisingProvider) out.push(...provider('DQ', c.supervisingProvider, undefined));
  for (const op of c.otherPayers ?? []) {
    out.push(seg('SBR', op.payerResponsibility, op.relationship, op.groupNumber, undefined, undefined, undefined, undefined, undefined, op.claimFilingIndicator));
    out.push(...adjustments(op.adjustments), seg('AMT', 'D', centsToDecimal(op.paidCents)));
    if (op.remainingPatientLiabilityCents !== undefined) out.push(seg('AMT', 'EAF', centsToDecimal(op.remainingPatientLiabilityCents)));
    out.push(seg('OI', undefined, undefined, yn(c.benefitsAssigned), 'P', undefined, c.releaseOfInformation));
    out.push(seg('NM1', 'IL', ...person(op.subscriber.name), 'MI', op.subscriber.memberId));
    out.push(seg('NM1', 'PR', ...org(op.payer.name), 'PI', op.payer.payerId));
  }
  c.lines.forEach((l, i) => out.push(...line(l, i + 1, c.placeOfService)));
  return out;
}

/** The body of the 837P transaction set (everything between ST and SE). */
function transactionBody(set: ProfessionalClaimSet): SegmentSpec[] {
  const b = set.billingProvider;
  const out = [
    seg('BHT', '0019', set.purpose, set.control.batchReference, localToX12Date(set.createdAt.date), set.createdAt.time, 'CH'),
    seg('NM1', '41', ...org(set.submitter.name), '46', set.submitter.id),
    seg('PER', 'IC', up(set.submitter.contactName), 'TE', set.submitter.phone),
    seg('NM1', '40', ...org(set.receiver.name), '46', set.receiver.id),
    seg('HL', '1', undefined, '20', '1'),
  ];
  if (b.taxonomy) out.push(seg('PRV', 'BI', 'PXC', b.taxonomy));
  out.push(seg('NM1', '85', ...(b.person ? person(b.person) : org(b.organizationName ?? '')), 'XX', b.npi));
  out.push(...address(b.address), seg('REF', b.taxId.qualifier, b.taxId.value));
  if (b.contact) out.push(seg('PER', 'IC', up(b.contact.name), 'TE', b.contact.phone));
  if (set.payToAddress) out.push(seg('NM1', '87', '2'), ...address(set.payToAddress));
  let hl = 2;
  for (const claim of set.claims) {
    out.push(...claimSegments(claim, hl));
    hl += claim.patient ? 2 : 1;
  }
  return out;
}

/**
 * Generates an 837P interchange (005010X222A1) from a typed claim set. Refuses, before writing
 * anything, a claim with a delimiter in any value or a field the guide does not allow; counts, HL
 * numbering and CLM02 = Σ SV102 are computed.
 */
export function generate837P(set: ProfessionalClaimSet, options: WriteOptions = {}): X12Result<string> {
  const issues = checkClaimSet(set, options.delimiters ?? DEFAULT_DELIMITERS);
  if (issues.length) return { issues };
  const yymmdd = localToX12Date(set.createdAt.date).slice(2);
  return writeInterchange(
    {
      senderQualifier: set.interchangeSender.qualifier,
      senderId: set.interchangeSender.id,
      receiverQualifier: set.interchangeReceiver.qualifier,
      receiverId: set.interchangeReceiver.id,
      date: yymmdd,
      time: set.createdAt.time,
      controlNumber: set.control.interchange,
      usage: set.usage,
      groups: [
        {
          functionalId: 'HC',
          senderCode: set.submitter.id,
          receiverCode: set.receiver.id,
          date: localToX12Date(set.createdAt.date),
          time: set.createdAt.time,
          controlNumber: set.control.group,
          version: VERSION_837P,
          transactions: [{ id: '837', controlNumber: set.control.transaction, implementationRef: VERSION_837P, segments: transactionBody(set) }],
        },
      ],
    },
    options,
  );
}
