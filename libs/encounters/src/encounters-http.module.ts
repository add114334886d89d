import { Module } from '@nestjs/common';

import { AddEncounterAddendumController } from './encounter/add-encounter-addendum/add-encounter-addendum.http';
import { GetEncounterController } from './encounter/get-encounter/get-encounter.http';
import { OpenEncounterController } from './encounter/open-encounter/open-encounter.http';
import { ReviseEncounterController } from './encounter/revise-encounter/revise-encounter.http';
import { SignEncounterController } from './encounter/sign-encounter/sign-encounter.http';
import { VoidEncounterController } from './encounter/void-encounter/void-encounter.http';
import { UnsignedEncountersController } from './unsigned-encounters/unsigned-encounters.http';

/** Routes under /v1/encounters; the worklist is declared before `:id` so `unsigned` is never an id. */
@Module({
  controllers: [
    UnsignedEncountersController,
    OpenEncounterController,
    GetEncounterController,
    ReviseEncounterController,
    SignEncounterController,
    AddEncounterAddendumController,
    VoidEncounterController,
  ],
})
export class EncountersHttpModule {}
