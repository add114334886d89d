import { Module } from '@nestjs/common';

import { RegisterPracticeHttp } from './practice/register-practice/register-practice.http';

const practice = [RegisterPracticeHttp];

/** Scheduling routes under /v1; imported by the API process only. */
@Module({
  controllers: [...practice],
})
export class SchedulingHttpModule {}
