import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, PageQuery, Roles, type Page } from '@revcycle/platform';

import { GetPatientTimeline, type PatientTimelineRow } from './patient-timeline.query';

@ApiTags('patients')
@Controller('v1/patients')
export class PatientTimelineHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':patientId/timeline')
  @Roles('front_desk', 'clinician', 'biller', 'admin')
  @ApiOperation({ summary: 'Everything that happened to a patient’s registration, sessions and encounters, in order, a page at a time' })
  get(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Ctx() context: CommandContext,
    @QueryParams() page: PageQuery,
  ): Promise<Page<PatientTimelineRow>> {
    return this.queries.execute(new GetPatientTimeline(context.tenantId, patientId, page.limit, page.after));
  }
}
