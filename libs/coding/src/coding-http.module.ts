import { Module } from '@nestjs/common';

import { RecordPatientPayerController } from './billing-profile/record-patient-payer/record-patient-payer.http';
import { RecordProviderCredentialController } from './billing-profile/record-provider-credential/record-provider-credential.http';
import { ApproveCodingController } from './coding/approve-coding/approve-coding.http';
import { ChangeCodedLineController } from './coding/change-coded-line/change-coded-line.http';
import { GetCodingController } from './coding/get-coding/get-coding.http';
import { RefreshCodingDraftController } from './coding/refresh-coding-draft/refresh-coding-draft.http';
import { CoderActivityController } from './coder-activity/coder-activity.http';
import { CodingWorklistController } from './coding-worklist/coding-worklist.http';
import { EvaluateCodingController } from './evaluate/evaluate-coding.http';
import { GetFeeScheduleController } from './fee-schedule/get-fee-schedule/get-fee-schedule.http';
import { SetFeeScheduleEntryController } from './fee-schedule/set-fee-schedule-entry/set-fee-schedule-entry.http';
import { ListPayerRulesController } from './payer-rules/list-payer-rules/list-payer-rules.http';
import { SetPayerRuleController } from './payer-rules/set-payer-rule/set-payer-rule.http';

/** The coding routes under /v1/coding; imported by apps/api beside CodingModule. */
@Module({
  controllers: [
    EvaluateCodingController,
    SetPayerRuleController,
    ListPayerRulesController,
    SetFeeScheduleEntryController,
    GetFeeScheduleController,
    RecordPatientPayerController,
    RecordProviderCredentialController,
    GetCodingController,
    ChangeCodedLineController,
    RefreshCodingDraftController,
    ApproveCodingController,
    CodingWorklistController,
    CoderActivityController,
  ],
})
export class CodingHttpModule {}
