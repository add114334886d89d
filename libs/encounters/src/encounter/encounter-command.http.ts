import {
  applyDecorators,
  HttpCode,
  Injectable,
  Post,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import type { CommandOutcome } from '@revcycle/event-store';
import type { Role } from '@revcycle/kernel';
import { Roles, setETag } from '@revcycle/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

import type { EncounterCommandResult } from './encounter-command.handler';
import { findNoteLikeField } from './encounter-facts';
import { ClinicalNoteRefused } from './encounter.errors';

export class EncounterCommandResultDto implements EncounterCommandResult {
  @ApiProperty({ format: 'uuid' })
  encounterId: string;

  @ApiProperty({ enum: ['draft', 'signed', 'voided'] })
  status: EncounterCommandResult['status'];

  @ApiProperty({ description: 'Stream version after the command; also the ETag', example: '2' })
  version: string;
}

/**
 * Runs before validation (interceptors precede pipes), so a body carrying note text anywhere is
 * refused with its own code rather than as one more unknown field (45 CFR 164.501; security.md PN-1).
 */
@Injectable()
export class RefuseClinicalNoteText implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { id?: string } }>>();
    const field = findNoteLikeField(request.body);
    if (field) throw new ClinicalNoteRefused(request.params.id ?? 'new', field);
    return next.handle();
  }
}

/** The ETag carries the stream version a client sends back as `If-Match`. */
export function withETag(reply: FastifyReply, outcome: CommandOutcome<EncounterCommandResult>): EncounterCommandResult {
  setETag(reply, outcome.version);
  return outcome.body;
}

/**
 * A command route on an existing encounter: POST, the roles it admits, note-text refusal, and the
 * concurrency and idempotency headers every encounter command honours (event-store.md §5, §6).
 */
export function EncounterCommandRoute(path: string, ...roles: [Role, ...Role[]]): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    Roles(...roles),
    UseInterceptors(RefuseClinicalNoteText),
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last seen; a stale one answers 412' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key gets the same answer' }),
    ApiOkResponse({ type: EncounterCommandResultDto }),
  );
}
