import { Injectable } from '@nestjs/common';

import { CommandPipeline } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { stepContext } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { PaymentRecordKind } from '../patient.events';
import { patientStreamId } from '../patient.state';
import { decideLinkPaymentRecord } from './link-payment-record.command';

/**
 * The first step of adding a coverage or an authorization: index it on the patient stream (which
 * also proves the patient exists). The key derives from the request's, so a retry replays it.
 */
@Injectable()
export class LinkPaymentRecordHandler {
  constructor(private readonly pipeline: CommandPipeline) {}

  async link(context: CommandContext & { commandId: string }, patientId: string, kind: PaymentRecordKind, recordId: string): Promise<void> {
    await this.pipeline.handle({
      streamId: patientStreamId(patientId),
      decider: deciders.patient,
      context: stepContext(context, 'patient-link'),
      commandType: 'scheduling.LinkPaymentRecord',
      payload: { patientId, kind, recordId },
      decide: (state) => decideLinkPaymentRecord({ context, patientId, kind, recordId }, state),
      respond: ({ version }) => ({ patientId, version: version.toString() }),
    });
  }
}
