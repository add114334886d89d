import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { migrationsFromFolder, type Migration } from '@revcycle/event-store';

import { AddEncounterAddendumHandler } from './encounter/add-encounter-addendum/add-encounter-addendum.handler';
import { GetEncounterHandler } from './encounter/get-encounter/get-encounter.query';
import { OpenEncounterHandler } from './encounter/open-encounter/open-encounter.handler';
import { ReviseEncounterHandler } from './encounter/revise-encounter/revise-encounter.handler';
import { SignEncounterHandler } from './encounter/sign-encounter/sign-encounter.handler';
import { VoidEncounterHandler } from './encounter/void-encounter/void-encounter.handler';
import { EncountersConfig, resolveEncountersConfig } from './encounters.config';
import { OpenEncounterWhenAppointmentCompleted } from './policies/open-encounter-when-appointment-completed.policy';
import { UnsignedEncountersProjection } from './unsigned-encounters/unsigned-encounters.projection';
import { ListUnsignedEncountersHandler } from './unsigned-encounters/unsigned-encounters.query';

const handlers = [
  OpenEncounterHandler,
  ReviseEncounterHandler,
  SignEncounterHandler,
  AddEncounterAddendumHandler,
  VoidEncounterHandler,
];
const queries = [GetEncounterHandler, ListUnsignedEncountersHandler];
const projections = [UnsignedEncountersProjection];
const policies = [OpenEncounterWhenAppointmentCompleted];
const config = [{ provide: EncountersConfig, useFactory: () => resolveEncountersConfig(process.env) }];

/** Commands, queries, the worklist projection and the completion policy; no controllers (the worker runs it). */
@Module({ providers: [...config, ...handlers, ...queries, ...projections, ...policies] })
export class EncountersModule {}

/** The `encounters` schema: read-model tables only; the events live in the event store. */
export function encountersMigrations(): Migration[] {
  return migrationsFromFolder('encounters', join(__dirname, '..', 'migrations'));
}
