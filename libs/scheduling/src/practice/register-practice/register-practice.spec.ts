import { schedulingContext } from '@revcycle/scheduling/testing';

import { decideAddServiceLocation } from '../add-service-location/add-service-location.command';
import type { PracticeEvent, ServiceLocation } from '../practice.events';
import { evolvePractice, initialPracticeState } from '../practice.state';
import { decideSetPracticePolicies } from '../set-practice-policies/set-practice-policies.command';
import { decideRegisterPractice, type RegisterPractice } from './register-practice.command';

const address = { line1: '1 Synthetic Way', line2: null, city: 'Springfield', state: 'IL', postalCode: '62701' };
const register = (groupNpi = '1234567893'): RegisterPractice => ({
  context: schedulingContext(),
  profile: { legalName: 'Synthetic Counseling LLC', taxId: '00-0000000', groupNpi, billingAddress: address, taxonomyCode: '261QM0801X', timeZone: 'America/Chicago' },
});
const given = (events: PracticeEvent[]) => events.reduce(evolvePractice, initialPracticeState);
const office: ServiceLocation = { locationId: 'loc-1', name: 'Main office', address, defaultPlaceOfService: '11' };

describe('Practice profile', () => {
  it('registers the practice under the tenant of the command context', () => {
    expect(decideRegisterPractice(register(), given([]))[0].data.tenantId).toBe('tenant-1');
  });

  it('refuses a group NPI whose check digit fails', () => {
    expect(() => decideRegisterPractice(register('1234567894'), given([]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_NPI', details: { field: 'groupNpi' } }),
    );
  });

  it('refuses registering twice', () => {
    expect(() => decideRegisterPractice(register(), given(decideRegisterPractice(register(), given([]))))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.PRACTICE_ALREADY_REGISTERED' }),
    );
  });

  it('adds a service location once, with a two-digit default place of service', () => {
    const registered = decideRegisterPractice(register(), given([]));
    const added = decideAddServiceLocation({ context: schedulingContext(), location: office }, given(registered));
    expect(given([...registered, ...added])).toMatchObject({ locations: [office] });
    expect(() => decideAddServiceLocation({ context: schedulingContext(), location: office }, given([...registered, ...added]))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.SERVICE_LOCATION_ALREADY_ADDED' }),
    );
    const bad = { ...office, locationId: 'loc-2', defaultPlaceOfService: '1' };
    expect(() => decideAddServiceLocation({ context: schedulingContext(), location: bad }, given(registered))).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_PLACE_OF_SERVICE' }),
    );
  });

  it('refuses fee policies in fractional cents', () => {
    const policies = { lateCancelWindowHours: 24, lateCancelFeeCents: 49.5, noShowFeeCents: 7_500, eligibilityMaxAgeDays: 30 };
    const state = given(decideRegisterPractice(register(), given([])));
    expect(() => decideSetPracticePolicies({ context: schedulingContext(), policies }, state)).toThrow(
      expect.objectContaining({ code: 'SCHEDULING.INVALID_PRACTICE_POLICIES', details: { field: 'lateCancelFeeCents' } }),
    );
  });
});
