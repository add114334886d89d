import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const BEARER_SCHEME = 'bearer';

/**
 * Serves the OpenAPI document at `/docs-json` and the browsable UI at `/docs`. Every operation is
 * marked as needing a bearer token, matching the deny-by-default guard; the public probes say so
 * only in their descriptions.
 */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('revcycle API')
    .setDescription('Revenue-cycle commands and queries for behavioral-health practices. Errors are RFC 9457 problem+json.')
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
    customSiteTitle: 'revcycle API',
  });
}
