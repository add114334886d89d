import { Injectable } from '@nestjs/common';
import { CommandPipeline, EventConsumer, policyContext, type Consumer, type StoredEvent } from '@revcycle/event-store';
import { uuidV5 } from '@revcycle/kernel';
import type { AppointmentCompleted, CompletedAppointment } from '@revcycle/scheduling';

import { encounterCommand } from '../encounter/encounter-command.handler';
import type { EncounterFactsInput } from '../encounter/encounter-facts';
import { decideOpenEncounter } from '../encounter/open-encounter/open-encounter.command';

const POLICY = 'open-encounter-when-appointment-completed';

/** One appointment, one encounter: the id is a name-based UUID of the appointment id. */
export function encounterIdForAppointment(appointmentId: string): string {
  return uuidV5(`encounters.appointment-encounter:${appointmentId}`);
}

/**
 * A completed session is billable only once documented, so completion opens a draft encounter for
 * the clinician to finish and sign (issue 3). The appointment knows only the planned times and the
 * provider; category, diagnoses, place of service and telehealth location are the clinician's.
 */
function draftFacts(appointment: CompletedAppointment): EncounterFactsInput {
  return {
    dateOfService: appointment.dateOfService,
    startTime: appointment.start,
    endTime: appointment.end,
    serviceCategory: null,
    modality: appointment.modality,
    patientLocation: null,
    placeOfService: null,
    participants: ['patient'],
    renderingProviderId: appointment.providerId,
    supervisingProviderId: null,
    diagnoses: [],
    interactiveComplexityFactors: [],
    emMinutes: null,
    emCode: null,
    instrumentCount: null,
    testingMinutes: null,
  };
}

@Injectable()
@EventConsumer()
export class OpenEncounterWhenAppointmentCompleted implements Consumer {
  readonly name = `encounters.${POLICY}`;
  readonly version = 1;
  readonly handles = ['scheduling.AppointmentCompleted'];

  constructor(private readonly pipeline: CommandPipeline) {}

  async apply(stored: StoredEvent): Promise<void> {
    const appointment = (stored as unknown as AppointmentCompleted).data;
    const encounterId = encounterIdForAppointment(appointment.appointmentId);
    const context = policyContext(POLICY, stored);
    const { patientId, appointmentId } = appointment;
    // TODO(issue 3): copy the patient's 42 CFR Part 2 label once scheduling publishes it with the completion.
    const command = { context, encounterId, patientId, appointmentId, part2: null, facts: draftFacts(appointment) };
    await this.pipeline.handle({
      ...encounterCommand(encounterId, context, undefined),
      commandType: 'encounters.OpenEncounter',
      payload: appointment,
      // Already open (a second completion event for the same appointment): nothing more to do.
      decide: (state) => (state.status === 'none' ? decideOpenEncounter(command, state) : []),
    });
  }
}
