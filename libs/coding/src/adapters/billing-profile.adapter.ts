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
import {
  evaluationHistoryStreamId,
  evolveEvaluationHistory,
  initialEvaluationHistoryState,
  lastEvaluationBefore,
} from '../billing-profile/evaluation-history.state';
import type { BillingProfile } from '../coding/coding-evaluation';
import { foldStream } from './stream-fold.adapter';

/** The patient's payer on the date of service, their last diagnostic evaluation, and the provider's credential. */
@Injectable()
export class BillingProfileSource {
  constructor(private readonly store: EventStore) {}

  async profileFor(tenantId: string, subject: { encounterId: string; patientId: string; renderingProviderId: string; dateOfService: LocalDate }): Promise<BillingProfile> {
    const { encounterId, patientId, renderingProviderId, dateOfService } = subject;
    const [payers, provider, evaluations] = await Promise.all([
      foldStream(this.store, patientPayerStreamId(patientId), tenantId, initialPatientPayerState, evolvePatientPayer),
      foldStream(this.store, providerCredentialStreamId(renderingProviderId), tenantId, initialProviderCredentialState, evolveProviderCredential),
      foldStream(this.store, evaluationHistoryStreamId(patientId), tenantId, initialEvaluationHistoryState, evolveEvaluationHistory),
    ]);
    const payer = payerOn(payers, dateOfService);
    const lastEvaluation = lastEvaluationBefore(evaluations, encounterId, dateOfService);
    return {
      ...(payer ? { payer } : {}),
      ...(provider.credential ? { providerCredential: provider.credential } : {}),
      ...(lastEvaluation ? { lastDiagnosticEvaluationOn: lastEvaluation } : {}),
    };
  }
}
