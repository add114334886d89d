import type { CommandContext } from '@revcycle/kernel';

import type { Part2Label, PatientPart2Labelled } from '../patient.events';
import { PatientAlreadyLabelledPart2, PatientNotFound } from '../patient.errors';
import type { PatientState } from '../patient.state';

export interface LabelPart2Records {
  context: CommandContext;
  patientId: string;
  label: Part2Label;
}

/**
 * Applies the 42 CFR Part 2 label for records received from a Part 2 program (security.md §5).
 * Relabelling from the same program is a no-op; a different program is refused rather than
 * silently replacing the lineage the consent checks rely on.
 */
export function decideLabelPart2Records(command: LabelPart2Records, state: PatientState): PatientPart2Labelled[] {
  const { patientId, label } = command;
  if (state.status !== 'registered') throw new PatientNotFound(patientId);
  if (state.part2 !== null) {
    if (state.part2.sourceProgramId === label.sourceProgramId) return [];
    throw new PatientAlreadyLabelledPart2(patientId);
  }
  return [{ type: 'scheduling.PatientPart2Labelled', data: { patientId, ...label } }];
}
