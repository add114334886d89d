// Public surface of the scheduling context: the events other contexts consume, and, until the
// pipeline wiring lands (issue 3), the deciders, folds and stream ids the handlers will call.
export * from './contracts/scheduling.public-events';

export * from './practice/practice.state';
export type * from './practice/practice.events';
export * from './practice/register-practice/register-practice.command';
export * from './practice/add-service-location/add-service-location.command';
export * from './practice/set-practice-policies/set-practice-policies.command';

export * from './provider/provider.state';
export type * from './provider/provider.events';
export * from './provider/enroll-provider/enroll-provider.command';
export * from './provider/end-provider-enrollment/end-provider-enrollment.command';

export * from './payer/payer.state';
export type * from './payer/payer.events';
export * from './payer/register-payer/register-payer.command';
export * from './payer/change-payer-policy/change-payer-policy.command';

export * from './patient/patient.state';
export type * from './patient/patient.events';
export * from './patient/register-patient/register-patient.command';
export * from './patient/correct-patient-demographics/correct-patient-demographics.command';
export * from './patient/label-part2-records/label-part2-records.command';

export * from './coverage/coverage.state';
export type * from './coverage/coverage.events';
export * from './coverage/add-coverage/add-coverage.command';
export * from './coverage/end-coverage/end-coverage.command';
export * from './coverage/record-eligibility-check/record-eligibility-check.command';

export * from './authorization/authorization.state';
export type * from './authorization/authorization.events';
export * from './authorization/record-authorization/record-authorization.command';
export * from './authorization/count-authorization-usage/count-authorization-usage.command';
export * from './authorization/reverse-authorization-usage/reverse-authorization-usage.command';

export * from './provider-calendar/provider-calendar.state';
export type * from './provider-calendar/provider-calendar.events';
export * from './provider-calendar/reserve-provider-time/reserve-provider-time.command';
export * from './provider-calendar/release-provider-time/release-provider-time.command';

export * from './appointment/appointment.state';
export type * from './appointment/appointment.events';
export type { BookingFacts, BookingWarning, BookingWarningCode } from './appointment/booking-warnings';
export type { MissedAppointmentFeeTerms } from './appointment/missed-appointment-fee';
export * from './appointment/book-appointment/book-appointment.command';
export * from './appointment/reschedule-appointment/reschedule-appointment.command';
export * from './appointment/cancel-appointment/cancel-appointment.command';
export * from './appointment/mark-no-show/mark-no-show.command';
export * from './appointment/check-in-patient/check-in-patient.command';
export * from './appointment/complete-appointment/complete-appointment.command';
