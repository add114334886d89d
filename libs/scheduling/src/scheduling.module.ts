import { join } from 'node:path';

import { Module } from '@nestjs/common';

import { migrationsFromFolder, type Migration } from '@revcycle/event-store';

import { RegisterPracticeHandler } from './practice/register-practice/register-practice.handler';
import { SchedulingStreams } from './scheduling-streams';

const handlers = [RegisterPracticeHandler];
const projections: never[] = [];
const policies: never[] = [];
const queries: never[] = [];

/** The scheduling context: command handlers, read-model projections, policies and queries (no HTTP). */
@Module({
  providers: [SchedulingStreams, ...handlers, ...projections, ...policies, ...queries],
})
export class SchedulingModule {}

/** Read-model tables of schema `scheduling`, applied after the event store's migrations. */
export function schedulingMigrations(): Migration[] {
  return migrationsFromFolder('scheduling', join(__dirname, '..', 'migrations'));
}
