import { Body, Controller, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { FastifyReply } from 'fastify';

import type { CommandContext } from '@revcycle/kernel';
import { Ctx, IfMatch, Roles, setETag } from '@revcycle/platform';

import { LINE_FIELDS, type LineField } from '../coding.events';
import type { CodingView } from '../coding.view';
import type { LineChange } from './change-coded-line.command';
import { ChangeCodedLineCommand } from './change-coded-line.handler';

const only = (field: LineField) => (dto: ChangeCodedLineDto) => dto.field === field;

/** One field of one line per request, so each change is its own event with its own reason. */
export class ChangeCodedLineDto {
  @ApiProperty({ enum: LINE_FIELDS }) @IsIn(LINE_FIELDS) field: LineField;
  @ApiPropertyOptional({ example: '90834' }) @ValidateIf(only('code')) @Matches(/^(\d{4}[0-9A-Z]|[A-Z]\d{4})$/) code?: string;
  @ApiPropertyOptional({ example: ['95', 'HO'] })
  @ValidateIf(only('modifiers')) @IsArray() @ArrayMaxSize(4) @Matches(/^[A-Z0-9]{2}$/, { each: true }) modifiers?: string[];
  @ApiPropertyOptional({ description: 'Why a distinct-service modifier (59, XE/XS/XP/XU) applies' })
  @IsOptional() @IsString() @Length(1, 500) distinctServiceReason?: string;
  @ApiPropertyOptional({ example: 2 }) @ValidateIf(only('units')) @IsInt() @Min(1) @Max(999) units?: number;
  @ApiPropertyOptional({ example: [1, 2] })
  @ValidateIf(only('diagnosisPointers')) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsInt({ each: true }) @Min(1, { each: true }) @Max(12, { each: true })
  diagnosisPointers?: number[];
  @ApiProperty({ example: 'Session documented as 45 minutes in the addendum' }) @IsString() @Length(3, 500) reason: string;
}

function changeOf(dto: ChangeCodedLineDto): LineChange {
  switch (dto.field) {
    case 'code':
      return { field: 'code', code: dto.code! };
    case 'modifiers':
      return { field: 'modifiers', modifiers: dto.modifiers!, ...(dto.distinctServiceReason ? { distinctServiceReason: dto.distinctServiceReason } : {}) };
    case 'units':
      return { field: 'units', units: dto.units! };
    case 'diagnosisPointers':
      return { field: 'diagnosisPointers', diagnosisPointers: dto.diagnosisPointers! };
  }
}

@ApiTags('coding')
@Controller('v1/coding/drafts')
export class ChangeCodedLineController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':encounterId/lines/:lineIndex')
  @HttpCode(200)
  @Roles('coder')
  @ApiOperation({ summary: 'Change the code, modifiers, units or diagnosis pointers of one line, with the reason; findings are re-checked' })
  async change(
    @Ctx() context: CommandContext,
    @IfMatch() expectedVersion: bigint | undefined,
    @Param('encounterId', new ParseUUIDPipe()) encounterId: string,
    @Param('lineIndex', ParseIntPipe) lineIndex: number,
    @Body() body: ChangeCodedLineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CodingView> {
    const command = new ChangeCodedLineCommand(context, { encounterId, lineIndex, change: changeOf(body), reason: body.reason }, expectedVersion);
    const outcome = await this.commands.execute(command);
    setETag(reply, outcome.version);
    return outcome.body;
  }
}
