import { durabilityProblems } from './durability-check';

describe('durability settings check', () => {
  it('finds the test server durable: fsync, synchronous commit, full pages, checksums, no prepared transactions', async () => {
    expect(await durabilityProblems(process.env.REVCYCLE_TEST_ADMIN_URL!)).toEqual([]);
  });

  it('names a setting that is off for the session', async () => {
    const url = new URL(process.env.REVCYCLE_TEST_ADMIN_URL!);
    url.searchParams.set('options', '-c synchronous_commit=off');
    expect(await durabilityProblems(url.toString())).toEqual(['synchronous_commit is off, expected on']);
  });
});
