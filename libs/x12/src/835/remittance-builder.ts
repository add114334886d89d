import { issueAt, type X12Issue } from '../issues';
import { component, element, elementCount, type Segment } from '../reader/segment';
import { Balancer } from './balancing';
import { SegmentValues } from './remit-values';
import type { RemitClaim, RemitService, Remittance } from './remittance';

const CLAIM_STATUSES = new Set(['1', '2', '3', '4', '19', '20', '21', '22', '23', '25']);

/** Options of the 835 builder: `onClaim` sees each claim when complete; `keepClaims: false` bounds memory. */
export interface RemittanceOptions {
  onClaim?(claim: RemitClaim): void;
  keepClaims?: boolean;
}

/**
 * Builds a typed remittance from the segments of one 835 transaction set, fed one at a time, so a
 * 100 MB remittance never needs all its claims in memory. Loops follow 005010X221A1: header, 1000A
 * payer, 1000B payee, 2000 header number, 2100 claim, 2110 service, PLB.
 */
export class RemittanceBuilder {
  private readonly value: Remittance;
  private readonly balancer = new Balancer();
  private readonly values: SegmentValues;
  private claim?: RemitClaim;
  private service?: RemitService;
  private party?: 'payer' | 'payee';
  private perBl = false;
  private sawBpr = false;
  private last?: Segment;

  constructor(
    controlNumber: string,
    private readonly issues: X12Issue[],
    private readonly options: RemittanceOptions = {},
  ) {
    this.values = new SegmentValues(issues);
    this.value = {
      controlNumber,
      payment: { handlingCode: '', amountCents: 0, creditDebit: '', method: '' },
      claims: [],
      providerAdjustments: [],
      claimCount: 0,
      balanced: true,
      imbalances: [],
    };
  }

  /** Consumes one segment of the transaction set (ST and SE are ignored). */
  segment(seg: Segment): void {
    this.last = seg;
    const v = this.values.at(seg);
    switch (seg.id) {
      case 'BPR': {
        this.sawBpr = true;
        const p = this.value.payment;
        p.handlingCode = element(seg, 1);
        p.amountCents = v.cents(2) ?? 0;
        p.creditDebit = element(seg, 3);
        p.method = element(seg, 4);
        p.date = v.date(16);
        if (!element(seg, 16)) this.warn(seg, 'BPR16_MISSING', 'BPR16 (payment or advice date) is missing', 'BPR16');
        return;
      }
      case 'TRN':
        this.value.payment.traceNumber = v.text(2);
        this.value.payment.originatorId = v.text(3);
        return;
      case 'DTM':
        return this.date(seg, v);
      case 'N1':
        return this.party1000(seg);
      case 'PER':
        if (this.party === 'payer' && element(seg, 1) === 'BL') this.perBl = true;
        return;
      case 'LX':
        this.closeClaim();
        this.party = undefined;
        return;
      case 'CLP':
        return this.openClaim(seg, v);
      case 'CAS':
        return this.adjust(seg, v);
      case 'NM1':
        return this.name(seg);
      case 'MIA':
      case 'MOA':
        return this.remarks(seg);
      case 'SVC':
        return this.openService(seg, v);
      case 'REF':
        if (this.service && element(seg, 1) === '6R') this.service.lineControlNumber = v.text(2);
        return;
      case 'AMT':
        if (this.service && element(seg, 1) === 'B6') this.service.allowedCents = v.cents(2);
        return;
      case 'LQ':
        if (this.service && element(seg, 1) === 'HE') this.service.remarkCodes.push(element(seg, 2));
        return;
      case 'PLB':
        return this.providerAdjustments(seg, v);
      default:
        return;
    }
  }

  /** Closes the last claim, checks the transaction totals and returns the remittance. */
  finish(): Remittance {
    this.closeClaim();
    if (!this.sawBpr && this.last) this.issues.push(issueAt(this.last, 'error', 'BPR_MISSING', 'the 835 has no BPR segment'));
    if (!this.perBl && this.last) {
      // 005010X221A1 1000A requires PER*BL (payer technical contact); many payers omit it.
      this.issues.push(issueAt(this.last, 'warning', 'PER_BL_MISSING', 'loop 1000A has no PER*BL payer technical contact', { loop: '1000A' }));
    }
    this.balancer.checkTransaction(this.value);
    this.value.imbalances = this.balancer.imbalances;
    this.value.balanced = this.balancer.imbalances.length === 0;
    this.balancer.imbalances.forEach((i) =>
      this.issues.push({ severity: 'error', code: 'IMBALANCE', message: i.message, ...(i.position ? { position: i.position } : {}) }),
    );
    return this.value;
  }

  private warn(seg: Segment, code: string, message: string, ref?: string): void {
    this.issues.push(issueAt(seg, 'warning', code, message, ref ? { element: ref } : {}));
  }

  private date(seg: Segment, v: SegmentValues): void {
    const q = element(seg, 1);
    if (q === '405' && !this.claim) this.value.productionDate = v.date(2);
    else if (this.service && q === '472') this.service.serviceDate = v.date(2);
    else if (this.service && q === '150') this.service.serviceStart = v.date(2);
    else if (this.service && q === '151') this.service.serviceEnd = v.date(2);
    else if (this.claim && !this.service && q === '232') this.claim.statementStart = v.date(2);
    else if (this.claim && !this.service && q === '233') this.claim.statementEnd = v.date(2);
  }

  private party1000(seg: Segment): void {
    const code = element(seg, 1);
    this.party = code === 'PR' ? 'payer' : code === 'PE' ? 'payee' : undefined;
    if (!this.party) return;
    const party = { name: element(seg, 2), ...(element(seg, 3) ? { idQualifier: element(seg, 3), id: element(seg, 4) } : {}) };
    this.value[this.party] = party;
  }

  private openClaim(seg: Segment, v: SegmentValues): void {
    this.closeClaim();
    this.party = undefined;
    // CLP01-04 and CLP06 are required (005010X221A1 2100 CLP); a shorter CLP is kept but not balanced.
    const complete = elementCount(seg) >= 4 && element(seg, 6) !== '';
    if (!complete) {
      this.issues.push(issueAt(seg, 'error', 'CLP_TRUNCATED', `CLP has ${elementCount(seg)} elements; CLP01-CLP04 and CLP06 are required`));
    }
    const status = element(seg, 2);
    if (!CLAIM_STATUSES.has(status)) v.report('CLAIM_STATUS_INVALID', 2, `${JSON.stringify(status)} is not a 5010 claim status code`);
    const claim: RemitClaim = {
      patientControlNumber: element(seg, 1),
      status,
      chargeCents: complete ? (v.cents(3) ?? 0) : 0,
      paidCents: complete ? (v.cents(4) ?? 0) : 0,
      patientResponsibilityCents: complete ? (v.cents(5, false) ?? 0) : 0,
      adjustments: [],
      remarkCodes: [],
      services: [],
      complete,
      position: seg.position,
    };
    if (element(seg, 6)) claim.claimFilingIndicator = element(seg, 6);
    if (element(seg, 7)) claim.payerClaimControlNumber = element(seg, 7);
    if (element(seg, 9)) claim.frequency = element(seg, 9);
    this.claim = claim;
  }

  private closeClaim(): void {
    this.closeService();
    const claim = this.claim;
    if (!claim) return;
    this.claim = undefined;
    this.balancer.checkClaim(claim);
    this.value.claimCount++;
    if (this.options.keepClaims !== false) this.value.claims.push(claim);
    this.options.onClaim?.(claim);
  }

  private openService(seg: Segment, v: SegmentValues): void {
    if (!this.claim) {
      this.issues.push(issueAt(seg, 'error', 'SVC_OUTSIDE_CLAIM', 'SVC appears before any CLP'));
      return;
    }
    this.closeService();
    const procedure = v.procedure(1) ?? { qualifier: '', code: '', modifiers: [] };
    const service: RemitService = {
      procedure,
      chargeCents: v.cents(2) ?? 0,
      paidCents: v.cents(3) ?? 0,
      adjustments: [],
      remarkCodes: [],
      position: seg.position,
    };
    const units = v.quantity(5);
    if (units !== undefined) service.units = units;
    const billed = element(seg, 6) ? v.procedure(6) : undefined;
    if (billed) service.billedProcedure = billed;
    const billedUnits = v.quantity(7);
    if (billedUnits !== undefined) service.billedUnits = billedUnits;
    this.service = service;
  }

  private closeService(): void {
    if (this.service && this.claim) {
      this.balancer.checkService(this.service, this.claim);
      this.claim.services.push(this.service);
    }
    this.service = undefined;
  }

  private adjust(seg: Segment, v: SegmentValues): void {
    const target = this.service ?? this.claim;
    if (!target) {
      this.issues.push(issueAt(seg, 'error', 'CAS_OUTSIDE_CLAIM', 'CAS appears before any CLP'));
      return;
    }
    target.adjustments.push(...v.adjustments());
  }

  private name(seg: Segment): void {
    const claim = this.claim;
    if (!claim || this.service) return;
    const code = element(seg, 1);
    if (code === 'QC') {
      claim.patient = { lastName: element(seg, 3), ...(element(seg, 4) ? { firstName: element(seg, 4) } : {}) };
      if (element(seg, 8)) Object.assign(claim.patient, { idQualifier: element(seg, 8), id: element(seg, 9) });
    } else if (code === '82') claim.renderingProviderId = element(seg, 9) || undefined;
    else if (code === 'TT') claim.crossoverCarrier = element(seg, 3) || undefined;
  }

  private remarks(seg: Segment): void {
    if (!this.claim) return;
    // MIA05/20-23 and MOA03-07 carry claim-level remark codes (005010X221A1 2100).
    const slots = seg.id === 'MIA' ? [5, 20, 21, 22, 23] : [3, 4, 5, 6, 7];
    for (const n of slots) if (element(seg, n)) this.claim.remarkCodes.push(element(seg, n));
  }

  private providerAdjustments(seg: Segment, v: SegmentValues): void {
    this.closeClaim();
    for (let n = 3; n <= 13; n += 2) {
      if (!element(seg, n)) continue;
      const reason = component(seg, n, 1);
      const reference = component(seg, n, 2);
      this.value.providerAdjustments.push({
        providerId: element(seg, 1),
        fiscalPeriodDate: v.date(2),
        reason,
        ...(reference ? { reference } : {}),
        amountCents: v.cents(n + 1) ?? 0,
        position: seg.position,
      });
    }
  }
}
