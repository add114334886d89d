import type { LocalDate } from '@revcycle/kernel';

/** A person's name as sent in NM1 (upper-cased on output). */
export interface PersonName {
  last: string;
  first?: string;
  middle?: string;
  suffix?: string;
}

/** A street address (N3/N4); a street, not a PO box, for the billing provider. */
export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

/** 1000A submitter. */
export interface Submitter {
  name: string;
  id: string;
  contactName: string;
  phone: string;
}

/** 2010AA billing provider: an organisation (`organizationName`) or a person (`person`). */
export interface BillingProvider {
  organizationName?: string;
  person?: PersonName;
  npi: string;
  taxonomy?: string;
  taxId: { qualifier: 'EI' | 'SY'; value: string };
  address: Address;
  contact?: { name: string; phone: string };
}

/** 2000B/2010BA subscriber. */
export interface Subscriber {
  payerResponsibility: 'P' | 'S' | 'T';
  groupNumber?: string;
  /** SBR09, e.g. MC Medicaid, MB Medicare Part B, CI commercial, BL Blue Cross. */
  claimFilingIndicator: string;
  memberId: string;
  name: PersonName;
  address?: Address;
  /** Sent (2010BA DMG) only when the subscriber is the patient, as 005010X222A1 requires. */
  birthDate?: LocalDate;
  gender?: 'F' | 'M' | 'U';
}

/** 2010BB payer. */
export interface Payer {
  name: string;
  payerId: string;
}

/** 2000C/2010CA patient, sent only when the patient is not the subscriber. */
export interface DependentPatient {
  /** PAT01 individual relationship code (01 spouse, 19 child, G8 other …). */
  relationship: string;
  name: PersonName;
  address: Address;
  birthDate: LocalDate;
  gender: 'F' | 'M' | 'U';
}

/** A provider identified by NPI and name (2310B rendering, 2310D supervising). */
export interface NamedProvider {
  npi: string;
  name: PersonName;
  taxonomy?: string;
}

/** 2310C service facility, when the service location differs from the billing address. */
export interface ServiceFacility {
  name: string;
  npi?: string;
  address: Address;
}

/** One CAS triplet of a prior payer's adjudication. */
export interface ClaimAdjustment {
  group: 'CO' | 'OA' | 'PI' | 'PR';
  reason: string;
  amountCents: number;
  quantity?: number;
}

/** 2320/2330A/2330B: a prior payer's claim-level adjudication on a secondary claim. */
export interface OtherPayer {
  payerResponsibility: 'P' | 'S' | 'T';
  /** SBR02 relationship of the patient to the other insured (18 self). */
  relationship: string;
  claimFilingIndicator: string;
  groupNumber?: string;
  subscriber: { name: PersonName; memberId: string };
  payer: Payer;
  paidCents: number;
  remainingPatientLiabilityCents?: number;
  adjustments: ClaimAdjustment[];
}

/** 2430: the prior payer's adjudication of one line. */
export interface LineAdjudication {
  /** SVD01: the other payer's id, as in its 2330B NM109. */
  payerId: string;
  paidCents: number;
  procedureCode: string;
  modifiers?: string[];
  units: number;
  adjustments: ClaimAdjustment[];
  adjudicationDate: LocalDate;
  remainingPatientLiabilityCents?: number;
}

/** 2400 service line. */
export interface ServiceLine {
  procedureCode: string;
  modifiers?: string[];
  chargeCents: number;
  units: number;
  /** Only when it differs from the claim's place of service. */
  placeOfService?: string;
  /** 1-based pointers into the claim's diagnoses, at most four. */
  diagnosisPointers: number[];
  serviceDate: LocalDate;
  /** REF*6R, echoed back in the 835 2110 REF*6R. */
  lineControlNumber?: string;
  adjudications?: LineAdjudication[];
}

/** 2300 claim with its subscriber, payer and optional dependent patient. */
export interface ProfessionalClaim {
  subscriber: Subscriber;
  payer: Payer;
  patient?: DependentPatient;
  /** CLM01, ours; at most 20 characters. */
  patientControlNumber: string;
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  frequency: '1' | '7' | '8';
  placeOfService: string;
  providerSignature: boolean;
  assignment: 'A' | 'B' | 'C';
  benefitsAssigned: boolean;
  releaseOfInformation: 'Y' | 'I';
  /** ICD-10-CM codes without dots; the first is principal. */
  diagnoses: string[];
  priorAuthorization?: string;
  /** REF*F8, required for frequency 7 and 8. */
  payerClaimControlNumber?: string;
  renderingProvider?: NamedProvider;
  supervisingProvider?: NamedProvider;
  serviceFacility?: ServiceFacility;
  otherPayers?: OtherPayer[];
  lines: ServiceLine[];
}

/** One 837P transaction: envelope data, the billing provider and its claims. */
export interface ProfessionalClaimSet {
  /** ISA13, GS06, ST02 and BHT03, allocated once per claim version (x12.md §2.7). */
  control: { interchange: string; group: string; transaction: string; batchReference: string };
  createdAt: { date: LocalDate; time: string };
  usage: 'P' | 'T';
  /** BHT02: 00 original, 18 reissue. */
  purpose: '00' | '18';
  interchangeSender: { qualifier: string; id: string };
  interchangeReceiver: { qualifier: string; id: string };
  submitter: Submitter;
  receiver: { name: string; id: string };
  billingProvider: BillingProvider;
  payToAddress?: Address;
  claims: ProfessionalClaim[];
}
