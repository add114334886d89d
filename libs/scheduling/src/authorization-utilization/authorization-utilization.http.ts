import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, Roles } from '@revcycle/platform';

import { ListAuthorizationUtilization, type AuthorizationUtilizationRow } from './authorization-utilization.query';

@ApiTags('authorizations')
@Controller('v1/patients')
export class AuthorizationUtilizationHttp {
  constructor(private readonly queries: QueryBus) {}

  @Get(':patientId/authorizations')
  @Roles('front_desk', 'clinician', 'biller', 'admin')
  @ApiOperation({ summary: 'A patient’s authorizations: used, remaining, booked and projected remaining units' })
  list(@Param('patientId', ParseUUIDPipe) patientId: string, @Ctx() context: CommandContext): Promise<AuthorizationUtilizationRow[]> {
    return this.queries.execute(new ListAuthorizationUtilization(context.tenantId, patientId));
  }
}
