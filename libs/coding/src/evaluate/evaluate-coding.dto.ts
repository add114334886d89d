import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

import { SERVICE_CATEGORIES, type ServiceCategory } from '@revcycle/encounters';

import { PAYER_KINDS, PayerKind } from '../rules/payer-rules';
import { Modality, MODALITIES } from '../rules/telehealth';
import { EvaluateCodingRequest, MAX_MINUTES } from './evaluate-coding.request';

const ICD_10_CM = /^[A-Za-z][0-9][0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Request body of `POST /v1/coding/evaluate`; the pure `evaluateCoding` checks the same shape again. */
export class EvaluateCodingDto implements EvaluateCodingRequest {
  @ApiProperty({ example: '2026-03-04', description: 'Date of service, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dateOfService: string;

  @ApiProperty({ enum: SERVICE_CATEGORIES })
  @IsIn(SERVICE_CATEGORIES)
  serviceCategory: ServiceCategory;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_MINUTES, description: 'Face-to-face minutes; required for time-based categories' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  minutes?: number;

  @ApiProperty({ enum: MODALITIES })
  @IsIn(MODALITIES)
  modality: Modality;

  @ApiPropertyOptional({ description: 'Telehealth with the client at home (POS 10) or elsewhere (POS 02)' })
  @IsOptional()
  @IsBoolean()
  patientAtHome?: boolean;

  @ApiPropertyOptional({ example: '11', description: "The location's two-digit place of service" })
  @IsOptional()
  @Matches(/^\d{2}$/)
  placeOfService?: string;

  @ApiProperty({ example: 'LCSW', description: 'MD, DO, NP, PA, PhD, PsyD, LCSW, LPC, LMHC, LMFT, or a trainee credential' })
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  providerCredential: string;

  @ApiPropertyOptional({ enum: PAYER_KINDS, description: 'Required unless payerId is given' })
  @ValidateIf((dto: EvaluateCodingDto) => dto.payerId === undefined || dto.payerKind !== undefined)
  @IsIn(PAYER_KINDS)
  payerKind?: PayerKind;

  @ApiPropertyOptional({ description: 'A registered payer whose coding rules apply' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  payerId?: string;

  @ApiProperty({ type: [String], example: ['F32.1', 'Z63.0'], description: 'ICD-10-CM codes, dotted or not, principal first' })
  @IsArray()
  @ArrayMaxSize(24)
  @Matches(ICD_10_CM, { each: true })
  diagnoses: string[];

  @ApiPropertyOptional({ description: 'Interactive complexity (+90785) was documented' })
  @IsOptional()
  @IsBoolean()
  interactiveComplexity?: boolean;

  @ApiPropertyOptional({ example: '99214', description: 'The E/M code billed beside psychotherapy, medication management or screening' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  emCode?: string;

  @ApiPropertyOptional({ type: [String], example: ['PHQ-9', 'GAD-7'], description: 'Standardized screening instruments given (one 96127 unit each)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  instruments?: string[];
}
