import { CodingFinding, finding } from './coding-finding';
import { CodeSetView } from './code-set.view';
import { PayerRule } from './payer-rules';

export const MODALITIES = ['in_person', 'video', 'audio_only'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface TelehealthInput {
  modality: Modality;
  patientAtHome?: boolean;
  placeOfService?: string;
}

const TELEHEALTH_POS = new Set(['02', '10']);

/**
 * Telehealth with the patient at home is POS 10, elsewhere POS 02 (description changed 1 Jan 2022)
 * [PS1][PS2], unless the payer wants the location's POS [PS6]; in person uses the location's POS.
 */
export function placeOfServiceFor(input: TelehealthInput, rule: PayerRule, view: CodeSetView): { placeOfService?: string; findings: CodingFinding[] } {
  const findings: CodingFinding[] = [];
  const remote = input.modality !== 'in_person';
  let pos = input.placeOfService;
  if (remote && rule.telehealthPlaceOfService === 'telehealth') {
    pos = input.patientAtHome ? '10' : '02';
    if (input.placeOfService && input.placeOfService !== pos) {
      const message = `Telehealth ${input.patientAtHome ? 'to the client at home' : 'outside the client\'s home'} is POS ${pos}; POS ${input.placeOfService} was replaced.`;
      findings.push(finding('info', 'CODING.POS.TELEHEALTH_REPLACED', message, 'PS1', 'PS2'));
    }
  }
  if (!pos) {
    const message = remote ? 'This payer bills telehealth with the location\'s place of service; give it.' : 'An in-person service needs the location\'s place of service.';
    return { findings: [finding('error', 'CODING.POS.REQUIRED', message, 'PS1', 'PAYER')] };
  }
  if (!remote && TELEHEALTH_POS.has(pos)) {
    findings.push(finding('error', 'CODING.POS.TELEHEALTH_POS_IN_PERSON', `POS ${pos} is for telehealth; an in-person service uses the location's POS.`, 'PS1', 'PS2'));
  }
  const entries = view.find('place_of_service', pos);
  if (entries && entries.length === 0) {
    findings.push(finding('error', 'CODING.POS.UNKNOWN', `${pos} is not an assigned place of service code.`, 'PS1'));
  }
  return { placeOfService: pos, findings };
}

/**
 * Video gets the payer's telehealth modifier (95, or GT where a plan still wants it) [MD1][MD3];
 * audio-only gets the payer's audio-only modifier (FQ for Medicare, 93 elsewhere) [MD3][MD4].
 */
export function telehealthModifier(modality: Modality, rule: PayerRule): string | undefined {
  if (modality === 'video') return rule.videoModifier ?? undefined;
  if (modality === 'audio_only') return rule.audioOnlyModifier ?? undefined;
  return undefined;
}
