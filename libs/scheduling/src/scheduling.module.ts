import { join } from 'node:path';

import { Module } from '@nestjs/common';

import { migrationsFromFolder, type Migration } from '@revcycle/event-store';

import { ScheduleAppointmentSeriesHandler } from './appointment-series/schedule-appointment-series/schedule-appointment-series.handler';
import { BookAppointmentHandler } from './appointment/book-appointment/book-appointment.handler';
import { CancelAppointmentHandler } from './appointment/cancel-appointment/cancel-appointment.handler';
import { CheckInPatientHandler } from './appointment/check-in-patient/check-in-patient.handler';
import { CompleteAppointmentHandler } from './appointment/complete-appointment/complete-appointment.handler';
import { MarkNoShowHandler } from './appointment/mark-no-show/mark-no-show.handler';
import { RescheduleAppointmentHandler } from './appointment/reschedule-appointment/reschedule-appointment.handler';
import { AuthorizationUtilizationProjection } from './authorization-utilization/authorization-utilization.projection';
import { ListAuthorizationUtilizationHandler } from './authorization-utilization/authorization-utilization.query';
import { RecordAuthorizationHandler } from './authorization/record-authorization/record-authorization.handler';
import { AddCoverageHandler } from './coverage/add-coverage/add-coverage.handler';
import { EndCoverageHandler } from './coverage/end-coverage/end-coverage.handler';
import { RecordEligibilityCheckHandler } from './coverage/record-eligibility-check/record-eligibility-check.handler';
import { IssueGoodFaithEstimateHandler } from './good-faith-estimate/issue-good-faith-estimate/issue-good-faith-estimate.handler';
import { MissedAppointmentRatesProjection } from './missed-appointment-rates/missed-appointment-rates.projection';
import { ListMissedAppointmentRatesHandler } from './missed-appointment-rates/missed-appointment-rates.query';
import { PatientTimelineProjection } from './patient-timeline/patient-timeline.projection';
import { GetPatientTimelineHandler } from './patient-timeline/patient-timeline.query';
import { CorrectPatientDemographicsHandler } from './patient/correct-patient-demographics/correct-patient-demographics.handler';
import { LabelPart2RecordsHandler } from './patient/label-part2-records/label-part2-records.handler';
import { LinkPaymentRecordHandler } from './patient/link-payment-record/link-payment-record.handler';
import { RegisterPatientHandler } from './patient/register-patient/register-patient.handler';
import { ChangePayerPolicyHandler } from './payer/change-payer-policy/change-payer-policy.handler';
import { RegisterPayerHandler } from './payer/register-payer/register-payer.handler';
import { CountAuthorizationUsageWhenEncounterSigned } from './policies/count-authorization-usage-when-encounter-signed.policy';
import { ReleaseProviderTimeWhenAppointmentCancelled } from './policies/release-provider-time-when-appointment-cancelled.policy';
import { AddServiceLocationHandler } from './practice/add-service-location/add-service-location.handler';
import { RegisterPracticeHandler } from './practice/register-practice/register-practice.handler';
import { SetPracticePoliciesHandler } from './practice/set-practice-policies/set-practice-policies.handler';
import { ReserveProviderTimeHandler } from './provider-calendar/reserve-provider-time/reserve-provider-time.handler';
import { ProviderDayCalendarProjection } from './provider-day-calendar/provider-day-calendar.projection';
import { GetProviderDayCalendarHandler } from './provider-day-calendar/provider-day-calendar.query';
import { EndProviderEnrollmentHandler } from './provider/end-provider-enrollment/end-provider-enrollment.handler';
import { EnrollProviderHandler } from './provider/enroll-provider/enroll-provider.handler';
import { FindProviderUserHandler } from './provider/find-provider-user/find-provider-user.handler';
import { LinkProviderUserHandler } from './provider/link-provider-user/link-provider-user.handler';
import { SchedulingStreams } from './scheduling-streams';

const handlers = [
  ScheduleAppointmentSeriesHandler,
  BookAppointmentHandler,
  CancelAppointmentHandler,
  CheckInPatientHandler,
  CompleteAppointmentHandler,
  MarkNoShowHandler,
  RescheduleAppointmentHandler,
  RecordAuthorizationHandler,
  AddCoverageHandler,
  EndCoverageHandler,
  RecordEligibilityCheckHandler,
  IssueGoodFaithEstimateHandler,
  CorrectPatientDemographicsHandler,
  LabelPart2RecordsHandler,
  LinkPaymentRecordHandler,
  RegisterPatientHandler,
  ChangePayerPolicyHandler,
  RegisterPayerHandler,
  AddServiceLocationHandler,
  RegisterPracticeHandler,
  SetPracticePoliciesHandler,
  ReserveProviderTimeHandler,
  EndProviderEnrollmentHandler,
  EnrollProviderHandler,
  LinkProviderUserHandler,
];
const projections = [
  AuthorizationUtilizationProjection,
  MissedAppointmentRatesProjection,
  PatientTimelineProjection,
  ProviderDayCalendarProjection,
];
const policies = [
  CountAuthorizationUsageWhenEncounterSigned,
  ReleaseProviderTimeWhenAppointmentCancelled,
];
const queries = [
  FindProviderUserHandler,
  ListAuthorizationUtilizationHandler,
  ListMissedAppointmentRatesHandler,
  GetPatientTimelineHandler,
  GetProviderDayCalendarHandler,
];

/** The scheduling context: command handlers, read-model projections, policies and queries (no HTTP). */
@Module({
  providers: [SchedulingStreams, ...handlers, ...projections, ...policies, ...queries],
})
export class SchedulingModule {}

/** Read-model tables of schema `scheduling`, applied after the event store's migrations. */
export function schedulingMigrations(): Migration[] {
  return migrationsFromFolder('scheduling', join(__dirname, '..', 'migrations'));
}
