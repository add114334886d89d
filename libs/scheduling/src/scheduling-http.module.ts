import { Module } from '@nestjs/common';

import { ScheduleAppointmentSeriesHttp } from './appointment-series/schedule-appointment-series/schedule-appointment-series.http';
import { BookAppointmentHttp } from './appointment/book-appointment/book-appointment.http';
import { CancelAppointmentHttp } from './appointment/cancel-appointment/cancel-appointment.http';
import { CheckInPatientHttp } from './appointment/check-in-patient/check-in-patient.http';
import { CompleteAppointmentHttp } from './appointment/complete-appointment/complete-appointment.http';
import { MarkNoShowHttp } from './appointment/mark-no-show/mark-no-show.http';
import { RescheduleAppointmentHttp } from './appointment/reschedule-appointment/reschedule-appointment.http';
import { AuthorizationUtilizationHttp } from './authorization-utilization/authorization-utilization.http';
import { RecordAuthorizationHttp } from './authorization/record-authorization/record-authorization.http';
import { AddCoverageHttp } from './coverage/add-coverage/add-coverage.http';
import { EndCoverageHttp } from './coverage/end-coverage/end-coverage.http';
import { RecordEligibilityCheckHttp } from './coverage/record-eligibility-check/record-eligibility-check.http';
import { IssueGoodFaithEstimateHttp } from './good-faith-estimate/issue-good-faith-estimate/issue-good-faith-estimate.http';
import { MissedAppointmentRatesHttp } from './missed-appointment-rates/missed-appointment-rates.http';
import { PatientTimelineHttp } from './patient-timeline/patient-timeline.http';
import { CorrectPatientDemographicsHttp } from './patient/correct-patient-demographics/correct-patient-demographics.http';
import { LabelPart2RecordsHttp } from './patient/label-part2-records/label-part2-records.http';
import { RegisterPatientHttp } from './patient/register-patient/register-patient.http';
import { ChangePayerPolicyHttp } from './payer/change-payer-policy/change-payer-policy.http';
import { RegisterPayerHttp } from './payer/register-payer/register-payer.http';
import { AddServiceLocationHttp } from './practice/add-service-location/add-service-location.http';
import { RegisterPracticeHttp } from './practice/register-practice/register-practice.http';
import { SetPracticePoliciesHttp } from './practice/set-practice-policies/set-practice-policies.http';
import { ProviderDayCalendarHttp } from './provider-day-calendar/provider-day-calendar.http';
import { EndProviderEnrollmentHttp } from './provider/end-provider-enrollment/end-provider-enrollment.http';
import { EnrollProviderHttp } from './provider/enroll-provider/enroll-provider.http';
import { LinkProviderUserHttp } from './provider/link-provider-user/link-provider-user.http';

const controllers = [
  ScheduleAppointmentSeriesHttp,
  BookAppointmentHttp,
  CancelAppointmentHttp,
  CheckInPatientHttp,
  CompleteAppointmentHttp,
  MarkNoShowHttp,
  RescheduleAppointmentHttp,
  AuthorizationUtilizationHttp,
  RecordAuthorizationHttp,
  AddCoverageHttp,
  EndCoverageHttp,
  RecordEligibilityCheckHttp,
  IssueGoodFaithEstimateHttp,
  MissedAppointmentRatesHttp,
  PatientTimelineHttp,
  CorrectPatientDemographicsHttp,
  LabelPart2RecordsHttp,
  RegisterPatientHttp,
  ChangePayerPolicyHttp,
  RegisterPayerHttp,
  AddServiceLocationHttp,
  RegisterPracticeHttp,
  SetPracticePoliciesHttp,
  ProviderDayCalendarHttp,
  EndProviderEnrollmentHttp,
  EnrollProviderHttp,
  LinkProviderUserHttp,
];

/** Scheduling routes under /v1; imported by the API process only. */
@Module({ controllers })
export class SchedulingHttpModule {}
