import { Injectable } from '@nestjs/common';

import { EventStore, type Decider, type DomainEvent } from '@revcycle/event-store';

import { evolveAppointmentSeries, initialAppointmentSeriesState } from './appointment-series/appointment-series.state';
import { appointmentStreamId, evolveAppointment, initialAppointmentState } from './appointment/appointment.state';
import type { BookingReferences } from './appointment/booking-references';
import type { MissedAppointmentFeeTerms } from './appointment/missed-appointment-fee';
import { feeTermsOn, type PaymentPicture } from './appointment/payment-facts';
import { authorizationStreamId, evolveAuthorization, initialAuthorizationState } from './authorization/authorization.state';
import { coverageStreamId, evolveCoverage, initialCoverageState } from './coverage/coverage.state';
import { PatientNotFound } from './patient/patient.errors';
import { evolvePatient, initialPatientState, patientStreamId, type PatientState } from './patient/patient.state';
import type { PayerRegistration } from './payer/payer.events';
import { evolvePayer, initialPayerState, payerStreamId } from './payer/payer.state';
import { evolveGoodFaithEstimate, initialGoodFaithEstimateState } from './good-faith-estimate/good-faith-estimate.state';
import { PracticeNotFound } from './practice/practice.errors';
import { evolvePractice, initialPracticeState, practiceStreamId, type RegisteredPractice } from './practice/practice.state';
import { evolveProviderCalendar, initialProviderCalendarState, providerCalendarStreamId } from './provider-calendar/provider-calendar.state';
import { evolveProvider, initialProviderState, providerStreamId } from './provider/provider.state';

export const deciders = {
  practice: { initialState: initialPracticeState, evolve: evolvePractice },
  patient: { initialState: initialPatientState, evolve: evolvePatient },
  coverage: { initialState: initialCoverageState, evolve: evolveCoverage },
  payer: { initialState: initialPayerState, evolve: evolvePayer },
  authorization: { initialState: initialAuthorizationState, evolve: evolveAuthorization },
  provider: { initialState: initialProviderState, evolve: evolveProvider },
  providerCalendar: { initialState: initialProviderCalendarState, evolve: evolveProviderCalendar },
  appointment: { initialState: initialAppointmentState, evolve: evolveAppointment },
  appointmentSeries: { initialState: initialAppointmentSeriesState, evolve: evolveAppointmentSeries },
  goodFaithEstimate: { initialState: initialGoodFaithEstimateState, evolve: evolveGoodFaithEstimate },
};

/**
 * Reads the streams a command needs beside the one it writes (practice, patient, coverage, payer,
 * authorization). Streams, not read models: a command's facts must hold with consumers paused
 * (event-store.md §7).
 */
@Injectable()
export class SchedulingStreams {
  constructor(private readonly store: EventStore) {}

  async fold<S>(tenantId: string, streamId: string, decider: Decider<S, DomainEvent>): Promise<{ state: S; version: bigint }> {
    const events = await this.store.readStream(streamId, { tenantId });
    const state = this.store.folded.fold(tenantId, streamId, decider, events);
    return { state, version: events.length ? events[events.length - 1].streamPosition : 0n };
  }

  /**
   * Called when a multi-stream command's checks refuse it: if the same key already committed, the
   * refusal is only the retry seeing its own work, and the last step's ledger entry replays the
   * original answer. Checked only on refusal, so the common path pays no extra read.
   */
  async replayIfAnswered(tenantId: string, commandId: string, refusal: unknown): Promise<undefined> {
    if ((await this.store.findLedgerEntry(tenantId, commandId)) !== undefined) return undefined;
    throw refusal;
  }

  async state<S>(tenantId: string, streamId: string, decider: Decider<S, DomainEvent>): Promise<S> {
    return (await this.fold(tenantId, streamId, decider)).state;
  }

  async practice(tenantId: string): Promise<RegisteredPractice> {
    const practice = await this.state(tenantId, practiceStreamId(tenantId), deciders.practice);
    if (practice.status !== 'registered') throw new PracticeNotFound(tenantId);
    return practice;
  }

  async registeredPatient(tenantId: string, patientId: string): Promise<Extract<PatientState, { status: 'registered' }>> {
    const patient = await this.state(tenantId, patientStreamId(patientId), deciders.patient);
    if (patient.status !== 'registered') throw new PatientNotFound(patientId);
    return patient;
  }

  /**
   * The practice, patient and provider a booking names (and one month of its calendar), in one round
   * trip, or none when trusting the histories this process holds; the append then checks `readSet`.
   */
  async bookingReferences(
    tenantId: string,
    patientId: string,
    providerId: string,
    calendarMonth?: string,
    trustHeld = false,
  ): Promise<BookingReferences> {
    const ids = [practiceStreamId(tenantId), patientStreamId(patientId), providerStreamId(providerId)];
    if (calendarMonth) ids.push(providerCalendarStreamId(providerId, calendarMonth));
    const streams = await this.store.readStreams(ids, { tenantId, trustHeld });
    const fold = <S>(id: string, decider: Decider<S, DomainEvent>): S => this.store.folded.fold(tenantId, id, decider, streams.get(id)!);
    const practice = fold(ids[0], deciders.practice);
    if (practice.status !== 'registered') throw new PracticeNotFound(tenantId);
    const calendar = calendarMonth ? { month: calendarMonth, history: streams.get(ids[3])! } : undefined;
    const readSet = ids.slice(0, 3).map((streamId) => ({ streamId, version: BigInt(streams.get(streamId)!.length) }));
    return { practice, patient: fold(ids[1], deciders.patient), provider: fold(ids[2], deciders.provider), calendar, readSet };
  }

  /**
   * What a missed session may cost, as of its date of service: the practice's fees and the primary
   * payer's rule. An unknown appointment gets no-fee terms; its command then refuses it as not found.
   */
  async missedAppointmentFeeTerms(tenantId: string, appointmentId: string): Promise<MissedAppointmentFeeTerms> {
    const [practice, appointment] = await Promise.all([
      this.practice(tenantId),
      this.state(tenantId, appointmentStreamId(appointmentId), deciders.appointment),
    ]);
    if (appointment.status === 'none') return feeTermsOn({ policies: null, coverages: [], payers: {}, authorizations: [] }, '');
    const { patientId, dateOfService } = appointment.appointment;
    const patient = await this.state(tenantId, patientStreamId(patientId), deciders.patient);
    return feeTermsOn(await this.paymentPicture(tenantId, practice, patient), dateOfService);
  }

  /** The linked coverages and authorizations of a registered patient, with the payers they name. */
  async paymentPicture(tenantId: string, practice: RegisteredPractice, patient: PatientState): Promise<PaymentPicture> {
    if (patient.status !== 'registered') return { policies: practice.policies, coverages: [], payers: {}, authorizations: [] };
    const [coverages, authorizations] = await Promise.all([
      Promise.all(patient.coverageIds.map((id) => this.state(tenantId, coverageStreamId(id), deciders.coverage))),
      Promise.all(patient.authorizationIds.map((id) => this.state(tenantId, authorizationStreamId(id), deciders.authorization))),
    ]);
    const payerIds = [...new Set(coverages.flatMap((c) => (c.status === 'on_file' ? [c.terms.payerId] : [])))];
    const payers: Record<string, PayerRegistration> = {};
    for (const payer of await Promise.all(payerIds.map((id) => this.state(tenantId, payerStreamId(id), deciders.payer)))) {
      if (payer.status === 'registered') payers[payer.payer.payerId] = payer.payer;
    }
    return { policies: practice.policies, coverages, payers, authorizations };
  }
}
