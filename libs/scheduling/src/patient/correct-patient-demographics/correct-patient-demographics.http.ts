import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { CommandDocs } from '../../http-docs';
import { PatientDemographicsDto } from '../register-patient/register-patient.http';
import { CorrectPatientDemographicsMessage } from './correct-patient-demographics.handler';

@ApiTags('patients')
@Controller('v1/patients')
export class CorrectPatientDemographicsHttp {
  constructor(private readonly commands: CommandBus) {}

  @Put(':patientId/demographics')
  @Roles('front_desk')
  @CommandDocs('Correct a patient’s demographics (appended, never overwritten)', { ifMatch: true })
  async correct(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @Body() body: PatientDemographicsDto,
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.commands.execute(new CorrectPatientDemographicsMessage(context, patientId, body, expectedVersion));
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
