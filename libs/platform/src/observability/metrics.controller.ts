import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';

import { Public } from '../auth/roles.decorator';
import { metricsRegistry } from './metrics.registry';

/**
 * Prometheus scrape endpoint; public like health, and holding no PHI (counts and latencies only).
 * Left out of the OpenAPI document, which describes the API for its callers, not for operators.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  // The classic text format: every Prometheus version scrapes it, and the registry is built for it.
  @Get()
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  scrape(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
