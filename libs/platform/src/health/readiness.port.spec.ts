import { assessReadiness, type ReadinessReport } from './readiness.port';

const healthy: ReadinessReport = {
  database: { up: true },
  migrations: { applied: true, pending: [] },
  consumers: [{ name: 'claim-status', version: 2, lagEvents: 5000, status: 'catching_up', parkedEvents: 0 }],
};

describe('assessReadiness', () => {
  it('is ready with the database up, migrations applied and consumers lagging but moving', () => {
    expect(assessReadiness(healthy)).toEqual({ ready: true, problems: [] });
  });

  it.each([
    [{ database: { up: false } }, 'database is unreachable'],
    [{ migrations: { applied: false, pending: ['0003_claims', '0004_payments'] } }, 'migrations pending: 0003_claims, 0004_payments'],
    [{ consumers: [{ ...healthy.consumers[0], status: 'HALTED' }] }, 'consumer claim-status v2 is HALTED with 0 parked events'],
    [{ consumers: [{ ...healthy.consumers[0], parkedEvents: 1 }] }, 'consumer claim-status v2 is catching_up with 1 parked events'],
  ])('is not ready when %j', (change, problem) => {
    expect(assessReadiness({ ...healthy, ...change })).toEqual({ ready: false, problems: [problem] });
  });
});
