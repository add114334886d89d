import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IsInstant, IsLocalDateString, Roles, setETag } from '@revcycle/platform';

import { SessionRequest } from '../../appointment/book-appointment/book-appointment.http';
import { CommandDocs } from '../../http-docs';
import { SERIES_FREQUENCIES, type SeriesFrequency } from '../series-occurrences';
import { MAX_SERIES_OCCURRENCES } from './schedule-appointment-series.command';
import { ScheduleAppointmentSeriesMessage, type SeriesAccepted } from './schedule-appointment-series.handler';

export class ScheduleAppointmentSeriesRequest extends SessionRequest {
  @ApiProperty({ example: '2025-03-04T14:00:00Z', description: 'Start of the first session' }) @IsInstant() firstStart: string;
  @ApiProperty({ example: '2025-03-04T14:53:00Z', description: 'End of the first session' }) @IsInstant() firstEnd: string;
  @ApiProperty({ enum: SERIES_FREQUENCIES }) @IsIn(SERIES_FREQUENCIES) frequency: SeriesFrequency;
  @ApiProperty({ example: 8 }) @IsInt() @Min(2) @Max(MAX_SERIES_OCCURRENCES) count: number;
  @ApiPropertyOptional({ type: [String], description: 'Dates the series skips (single-occurrence exceptions)' })
  @ArrayMaxSize(MAX_SERIES_OCCURRENCES) @IsLocalDateString({ each: true }) skipDates: string[] = [];
}

@ApiTags('appointments')
@Controller('v1/appointment-series')
export class ScheduleAppointmentSeriesHttp {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('front_desk')
  @CommandDocs('Book a weekly or every-two-weeks series; later exceptions are reschedules or cancels of one occurrence')
  async schedule(@Body() body: ScheduleAppointmentSeriesRequest, @Ctx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<SeriesAccepted> {
    const { firstStart, firstEnd, frequency, count, skipDates, ...session } = body;
    const first = { start: new Date(firstStart).toISOString(), end: new Date(firstEnd).toISOString() };
    const outcome = await this.commands.execute(new ScheduleAppointmentSeriesMessage(context, { session: { ...session }, first, frequency, count, skipDates }));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
