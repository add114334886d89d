import 'reflect-metadata';

import { resolveEncountersConfig } from './encounters.config';

describe('encounters configuration', () => {
  it('flags unsigned encounters after 24 hours by default', () => {
    expect(resolveEncountersConfig({}).unsignedAfterHours).toBe(24);
  });

  it('takes the threshold from ENCOUNTERS_UNSIGNED_AFTER_HOURS', () => {
    expect(resolveEncountersConfig({ ENCOUNTERS_UNSIGNED_AFTER_HOURS: '48' }).unsignedAfterHours).toBe(48);
  });

  it.each(['0', '1.5', 'a day', '721'])('refuses to boot with %p', (value) => {
    expect(() => resolveEncountersConfig({ ENCOUNTERS_UNSIGNED_AFTER_HOURS: value })).toThrow(/ENCOUNTERS_UNSIGNED_AFTER_HOURS/);
  });
});
