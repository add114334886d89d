import { Controller, Get, Module } from '@nestjs/common';

import { Public } from '@revcycle/platform';

/** The baseline route: the same Nest/Fastify stack (hooks, guard, filter) without auth or database. */
@Controller('bench')
export class BareBenchController {
  @Get('bare')
  @Public()
  bare(): { ok: true } {
    return { ok: true };
  }
}

/** Imported only by the API benchmark, never by the application. */
@Module({ controllers: [BareBenchController] })
export class BenchModule {}
