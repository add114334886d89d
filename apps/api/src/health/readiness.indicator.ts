import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { assessReadiness, ReadinessSource } from '@revcycle/platform';

/** Turns the event store's readiness report into a terminus indicator named `eventStore`. */
@Injectable()
export class ReadinessIndicator {
  constructor(
    private readonly source: ReadinessSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult<'eventStore'>> {
    const session = this.indicators.check('eventStore');
    try {
      const report = await this.source.readiness();
      const { ready, problems } = assessReadiness(report);
      const data = { database: report.database, migrations: report.migrations, consumers: report.consumers };
      return ready ? session.up(data) : session.down({ ...data, problems });
    } catch (error) {
      // The report itself failed (pool exhausted, database gone): not ready, and say only that.
      return session.down({ problems: ['readiness source failed'] });
    }
  }
}
