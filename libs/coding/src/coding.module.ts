import { join } from 'node:path';

import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

import { migrationsFromFolder, type Migration } from '@revcycle/event-store';

import { BillingProfileSource } from './adapters/billing-profile.adapter';
import { CodeSetCatalogSource } from './adapters/code-set-catalog.adapter';
import { CodingRulesSource } from './adapters/coding-rules.adapter';
import { RecordPatientPayerHandler } from './billing-profile/record-patient-payer/record-patient-payer.handler';
import { RecordProviderCredentialHandler } from './billing-profile/record-provider-credential/record-provider-credential.handler';
import { ApproveCodingHandler } from './coding/approve-coding/approve-coding.handler';
import { ChangeCodedLineHandler } from './coding/change-coded-line/change-coded-line.handler';
import { GetCodingHandler } from './coding/get-coding/get-coding.query';
import { RefreshCodingDraftHandler } from './coding/refresh-coding-draft/refresh-coding-draft.handler';
import { CoderActivityProjection } from './coder-activity/coder-activity.projection';
import { ListCoderActivityHandler } from './coder-activity/coder-activity.query';
import { CodingWorklistProjection } from './coding-worklist/coding-worklist.projection';
import { ListCodingWorklistHandler, SummarizeCodingWorklistHandler } from './coding-worklist/coding-worklist.query';
import { EvaluateCodingHandler } from './evaluate/evaluate-coding.query';
import { GetFeeScheduleHandler } from './fee-schedule/get-fee-schedule/get-fee-schedule.query';
import { SetFeeScheduleEntryHandler } from './fee-schedule/set-fee-schedule-entry/set-fee-schedule-entry.handler';
import { ListPayerRulesHandler } from './payer-rules/list-payer-rules/list-payer-rules.query';
import { SetPayerRuleHandler } from './payer-rules/set-payer-rule/set-payer-rule.handler';
import { OpenCodingDraftWhenEncounterSigned } from './policies/open-coding-draft-when-encounter-signed.policy';
import { RecordEvaluationHistoryWhenCodingApproved } from './policies/record-evaluation-history-when-coding-approved.policy';

/** Read-model tables and code-set entries in schema `coding`. */
export function codingMigrations(): Migration[] {
  return migrationsFromFolder('coding', join(__dirname, '..', 'migrations'));
}

const commandHandlers = [
  SetPayerRuleHandler,
  SetFeeScheduleEntryHandler,
  RecordPatientPayerHandler,
  RecordProviderCredentialHandler,
  ChangeCodedLineHandler,
  RefreshCodingDraftHandler,
  ApproveCodingHandler,
];
const queryHandlers = [
  EvaluateCodingHandler,
  ListPayerRulesHandler,
  GetFeeScheduleHandler,
  GetCodingHandler,
  ListCodingWorklistHandler,
  SummarizeCodingWorklistHandler,
  ListCoderActivityHandler,
];
const projections = [CodingWorklistProjection, CoderActivityProjection];
const policies = [OpenCodingDraftWhenEncounterSigned, RecordEvaluationHistoryWhenCodingApproved];
const adapters = [CodeSetCatalogSource, CodingRulesSource, BillingProfileSource];

/** The coding context: commands, queries, read models and the policy on signed encounters (no controllers). */
@Module({
  imports: [CqrsModule],
  providers: [...commandHandlers, ...queryHandlers, ...projections, ...policies, ...adapters],
})
export class CodingModule {}
