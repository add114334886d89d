import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsUUID,
  Matches,
} from 'class-validator';

import { IsInstant } from '@revcycle/platform';

import {
  SERVICE_CATEGORIES,
  type EncounterModality,
  type InteractiveComplexityFactor,
  type ParticipantRole,
  type ServiceCategory,
} from '../contracts/encounters.public-events';
import { EM_CODE, ICD10_CM, type EncounterFactsInput } from './encounter-facts';

const MODALITIES: EncounterModality[] = ['in_person', 'video', 'audio_only'];
const PARTICIPANTS: ParticipantRole[] = ['patient', 'family_member', 'caregiver', 'interpreter', 'other_client'];
const IC_FACTORS: InteractiveComplexityFactor[] = [
  'maladaptive_communication',
  'caregiver_interference',
  'sentinel_event_disclosure',
  'communication_barrier_devices',
];

/**
 * The billable facts of a session as a client sends them. There is deliberately no free-text field:
 * the whitelist refuses anything else (security.md PN-1). Minutes are derived, never sent.
 */
export class EncounterFactsDto {
  @ApiProperty({ example: '2025-03-04' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a YYYY-MM-DD date' })
  dateOfService: string;

  @ApiProperty({ description: 'Actual start, ISO 8601 instant', example: '2025-03-04T14:00:00Z' })
  @IsInstant()
  startTime: string;

  @ApiProperty({ description: 'Actual end, ISO 8601 instant', example: '2025-03-04T14:53:00Z' })
  @IsInstant()
  endTime: string;

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES, nullable: true, description: 'Required to sign' })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  serviceCategory?: ServiceCategory | null;

  @ApiProperty({ enum: MODALITIES })
  @IsIn(MODALITIES)
  modality: EncounterModality;

  @ApiPropertyOptional({ enum: ['home', 'other'], nullable: true, description: 'Telehealth only; required to sign' })
  @IsOptional()
  @IsIn(['home', 'other'])
  patientLocation?: 'home' | 'other' | null;

  @ApiPropertyOptional({ example: '10', nullable: true, description: 'CMS place-of-service code; required to sign' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a two-digit CMS place-of-service code' })
  placeOfService?: string | null;

  @ApiProperty({ enum: PARTICIPANTS, isArray: true })
  @IsArray()
  @IsIn(PARTICIPANTS, { each: true })
  participants: ParticipantRole[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  renderingProviderId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  supervisingProviderId?: string | null;

  @ApiProperty({ type: [String], example: ['F33.1'], description: 'ICD-10-CM in claim order, at most 12' })
  @IsArray()
  @ArrayMaxSize(12)
  @Matches(ICD10_CM, { each: true, message: 'each must be an ICD-10-CM code' })
  diagnoses: string[];

  @ApiPropertyOptional({ enum: IC_FACTORS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(IC_FACTORS, { each: true })
  interactiveComplexityFactors?: InteractiveComplexityFactor[];

  @ApiPropertyOptional({ nullable: true, description: 'E/M time apart from psychotherapy time' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  emMinutes?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'E/M level for a visit with medical services (99202-99205, 99211-99215)' })
  @IsOptional()
  @Matches(EM_CODE, { message: 'must be an office E/M code, 99202-99205 or 99211-99215' })
  emCode?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Standardized instruments administered (96127)' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  instrumentCount?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @IsPositive()
  testingMinutes?: number | null;
}

/** An addendum names only the facts it changes; `null` clears an optional fact. */
export class EncounterFactsChangesDto extends PartialType(EncounterFactsDto) {}

export function toFactsInput(dto: EncounterFactsDto): EncounterFactsInput {
  return {
    dateOfService: dto.dateOfService,
    startTime: dto.startTime,
    endTime: dto.endTime,
    serviceCategory: dto.serviceCategory ?? null,
    modality: dto.modality,
    patientLocation: dto.patientLocation ?? null,
    placeOfService: dto.placeOfService ?? null,
    participants: dto.participants,
    renderingProviderId: dto.renderingProviderId,
    supervisingProviderId: dto.supervisingProviderId ?? null,
    diagnoses: dto.diagnoses,
    interactiveComplexityFactors: dto.interactiveComplexityFactors ?? [],
    emMinutes: dto.emMinutes ?? null,
    emCode: dto.emCode ?? null,
    instrumentCount: dto.instrumentCount ?? null,
    testingMinutes: dto.testingMinutes ?? null,
  };
}

/** Keeps the keys the client sent: an absent key leaves the fact as it was. */
export function toFactChanges(dto: EncounterFactsChangesDto): Partial<EncounterFactsInput> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
}
