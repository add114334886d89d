import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { Part2Label } from '../patient.events';
import { patientStreamId } from '../patient.state';
import { decideLabelPart2Records } from './label-part2-records.command';

export class LabelPart2RecordsMessage extends Command<CommandOutcome<{ patientId: string; version: string }>> {
  constructor(
    readonly context: CommandContext,
    readonly patientId: string,
    readonly label: Part2Label,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(LabelPart2RecordsMessage)
export class LabelPart2RecordsHandler implements ICommandHandler<LabelPart2RecordsMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, patientId, label, expectedVersion }: LabelPart2RecordsMessage): Promise<CommandOutcome<{ patientId: string; version: string }>> {
    return this.pipeline.handle({
      streamId: patientStreamId(patientId),
      decider: deciders.patient,
      context: keyed(context),
      commandType: 'scheduling.LabelPart2Records',
      payload: { patientId, label },
      expectedVersion,
      decide: (state) => decideLabelPart2Records({ context, patientId, label }, state),
      respond: ({ version }) => ({ patientId, version: version.toString() }),
    });
  }
}
