import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { PostalAddressDto } from '../../practice/register-practice/register-practice.http';
import { Part2LabelDto } from '../label-part2-records/label-part2-records.http';
import type { ContactPreferences, Guarantor } from '../patient.events';
import { RegisterPatientMessage } from './register-patient.handler';

const CHANNELS = ['phone', 'sms', 'email', 'mail'] as const;
const GUARANTOR_RELATIONSHIPS = ['parent', 'spouse', 'legal_guardian', 'other'] as const;

export class PatientDemographicsDto {
  @ApiProperty() @IsString() @Length(1, 60) firstName: string;
  @ApiProperty() @IsString() @Length(1, 60) lastName: string;
  @ApiProperty({ example: '1990-05-17' }) @IsLocalDateString() birthDate: string;
  @ApiProperty({ enum: ['F', 'M', 'U'] }) @IsIn(['F', 'M', 'U']) administrativeSex: 'F' | 'M' | 'U';
  @ApiProperty({ type: PostalAddressDto }) @ValidateNested() @Type(() => PostalAddressDto) address: PostalAddressDto;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(/^\+?[0-9]{10,15}$/) phone: string | null = null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsEmail() email: string | null = null;
}

export class GuarantorDto {
  @ApiProperty({ enum: ['self', 'other'] }) @IsIn(['self', 'other']) kind: 'self' | 'other';
  @ApiPropertyOptional({ enum: GUARANTOR_RELATIONSHIPS }) @ValidateIf((g: GuarantorDto) => g.kind === 'other') @IsIn(GUARANTOR_RELATIONSHIPS)
  relationship?: (typeof GUARANTOR_RELATIONSHIPS)[number];
  @ApiPropertyOptional({ type: PatientDemographicsDto }) @ValidateIf((g: GuarantorDto) => g.kind === 'other') @ValidateNested() @Type(() => PatientDemographicsDto)
  phi?: PatientDemographicsDto;
}

export class ContactPreferencesDto {
  @ApiProperty({ enum: CHANNELS, isArray: true }) @ArrayUnique() @IsIn(CHANNELS, { each: true }) channels: ContactPreferences['channels'];
  @ApiProperty() @IsBoolean() appointmentReminders: boolean;
  @ApiProperty() @IsBoolean() voicemailAllowed: boolean;
}

export class RegisterPatientRequest {
  @ApiProperty({ type: PatientDemographicsDto }) @ValidateNested() @Type(() => PatientDemographicsDto) phi: PatientDemographicsDto;
  @ApiProperty({ type: GuarantorDto }) @ValidateNested() @Type(() => GuarantorDto) guarantor: GuarantorDto;
  @ApiProperty({ type: ContactPreferencesDto }) @ValidateNested() @Type(() => ContactPreferencesDto) contactPreferences: ContactPreferencesDto;
  @ApiPropertyOptional({ type: Part2LabelDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => Part2LabelDto) part2: Part2LabelDto | null = null;
}

function guarantorOf(dto: GuarantorDto): Guarantor {
  return dto.kind === 'other' && dto.relationship && dto.phi ? { kind: 'other', relationship: dto.relationship, phi: dto.phi } : { kind: 'self' };
}

@ApiTags('patients')
@Controller('v1/patients')
export class RegisterPatientHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('front_desk')
  @CommandDocs('Register a patient; the answer carries the new id only, never demographics')
  async register(@Body() body: RegisterPatientRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { phi, contactPreferences, part2 } = body;
    const registration = { phi, guarantor: guarantorOf(body.guarantor), contactPreferences: { ...contactPreferences }, part2: part2 && { ...part2 } };
    const outcome = await this.commands.execute(new RegisterPatientMessage(context, registration));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
