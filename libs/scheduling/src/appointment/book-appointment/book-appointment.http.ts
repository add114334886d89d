import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsInstant, Roles, setETag } from '@revcycle/platform';

import type { AppointmentModality } from '../../contracts/scheduling.public-events';
import { CommandDocs } from '../../http-docs';
import { SERVICE_CODE } from '../../http-validation';
import { BookAppointmentMessage, type BookingAccepted } from './book-appointment.handler';

export const MODALITIES = ['in_person', 'video', 'audio_only'] as const;

/** The session the front desk books; times are instants with an offset, the practice zone gives the day. */
export class SessionRequest {
  @ApiProperty() @IsUUID() patientId: string;
  @ApiProperty() @IsUUID() providerId: string;
  @ApiProperty() @IsUUID() locationId: string;
  @ApiProperty({ enum: MODALITIES }) @IsIn(MODALITIES) modality: AppointmentModality;
  @ApiProperty({ example: '90837', description: 'Planned CPT/HCPCS code' }) @Matches(SERVICE_CODE) serviceCode: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(96) plannedUnits: number;
}

export class BookAppointmentRequest extends SessionRequest {
  @ApiProperty({ example: '2025-03-04T14:00:00Z' }) @IsInstant() start: string;
  @ApiProperty({ example: '2025-03-04T14:53:00Z' }) @IsInstant() end: string;
}

@ApiTags('appointments')
@Controller('v1/appointments')
export class BookAppointmentHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('front_desk')
  @CommandDocs('Book a session; the answer lists warnings (coverage, authorization) with their reasons')
  async book(@Body() body: BookAppointmentRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<BookingAccepted> {
    const start = new Date(body.start).toISOString();
    const end = new Date(body.end).toISOString();
    const outcome = await this.commands.execute(new BookAppointmentMessage(context, { ...body, start, end }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
