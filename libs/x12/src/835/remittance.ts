/** One CAS triplet: group code, reason code (CARC), amount in cents and optional quantity. */
export interface Adjustment {
  group: string;
  reason: string;
  amountCents: number;
  quantity?: number;
}

/** A composite procedure as adjudicated (SVC01) or as billed (SVC06). */
export interface Procedure {
  qualifier: string;
  code: string;
  modifiers: string[];
}

/** A 2110 service line. */
export interface RemitService {
  procedure: Procedure;
  billedProcedure?: Procedure;
  chargeCents: number;
  paidCents: number;
  units?: number;
  billedUnits?: number;
  /** REF*6R: our line item control number, echoed from the 837P 2400 REF*6R. */
  lineControlNumber?: string;
  serviceDate?: string;
  serviceStart?: string;
  serviceEnd?: string;
  allowedCents?: number;
  adjustments: Adjustment[];
  /** LQ*HE remittance advice remark codes. */
  remarkCodes: string[];
  position?: number;
}

/** A 2100 claim payment. */
export interface RemitClaim {
  /** CLP01: our CLM01. */
  patientControlNumber: string;
  status: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  claimFilingIndicator?: string;
  /** CLP07: keep it for REF*F8 on later replacement or void claims. */
  payerClaimControlNumber?: string;
  frequency?: string;
  patient?: { lastName: string; firstName?: string; idQualifier?: string; id?: string };
  renderingProviderId?: string;
  crossoverCarrier?: string;
  statementStart?: string;
  statementEnd?: string;
  adjustments: Adjustment[];
  /** MIA/MOA remark codes. */
  remarkCodes: string[];
  services: RemitService[];
  /** False when the CLP lacked required elements (its amounts are then zero and not balanced). */
  complete: boolean;
  position?: number;
}

/** A PLB provider-level adjustment; a negative amount raises the payment. */
export interface ProviderAdjustment {
  providerId: string;
  fiscalPeriodDate?: string;
  reason: string;
  reference?: string;
  amountCents: number;
  position?: number;
}

/** A balancing equation of x12.md §5 that does not hold. */
export interface Imbalance {
  level: 'service' | 'claim' | 'transaction';
  message: string;
  expectedCents: number;
  actualCents: number;
  patientControlNumber?: string;
  position?: number;
}

/** BPR and TRN: the money and its trace number for reassociation with the deposit. */
export interface Payment {
  handlingCode: string;
  amountCents: number;
  creditDebit: string;
  method: string;
  date?: string;
  traceNumber?: string;
  originatorId?: string;
}

/** One party of the 1000A/1000B loops. */
export interface RemitParty {
  name: string;
  idQualifier?: string;
  id?: string;
}

/** A typed 835 transaction set (005010X221A1), money in integer cents throughout. */
export interface Remittance {
  controlNumber: string;
  payment: Payment;
  productionDate?: string;
  payer?: RemitParty;
  payee?: RemitParty;
  claims: RemitClaim[];
  providerAdjustments: ProviderAdjustment[];
  /** Claims seen, including any not kept when streaming. */
  claimCount: number;
  balanced: boolean;
  imbalances: Imbalance[];
}
