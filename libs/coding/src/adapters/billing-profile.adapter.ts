import { Injectable } from '@nestjs/common';

import { EventStore } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

import {
  evolvePatientPayer,
  evolveProviderCredential,
  initialPatientPayerState,
  initialProviderCredentialState,
  patientPayerStreamId,
  payerOn,
  providerCredentialStreamId,
} from '../billing-profile/billing-profile.state';
import type { BillingProfile } from '../coding/coding-evaluation';
import { foldStream } from './stream-fold.adapter';

/** The patient's payer on the date of service and the rendering provider's credential, from their streams. */
@Injectable()
export class BillingProfileSource {
  constructor(private readonly store: EventStore) {}

  async profileFor(tenantId: string, patientId: string, providerId: string, dateOfService: LocalDate): Promise<BillingProfile> {
    const [payers, provider] = await Promise.all([
      foldStream(this.store, patientPayerStreamId(patientId), tenantId, initialPatientPayerState, evolvePatientPayer),
      foldStream(this.store, providerCredentialStreamId(providerId), tenantId, initialProviderCredentialState, evolveProviderCredential),
    ]);
    const payer = payerOn(payers, dateOfService);
    return { ...(payer ? { payer } : {}), ...(provider.credential ? { providerCredential: provider.credential } : {}) };
  }
}
