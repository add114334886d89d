import type { CommandContext } from '@revcycle/kernel';

import type { ServiceLocation, ServiceLocationAdded } from '../practice.events';
import { InvalidPlaceOfService, PracticeNotFound, ServiceLocationAlreadyAdded } from '../practice.errors';
import type { PracticeState } from '../practice.state';

export interface AddServiceLocation {
  context: CommandContext;
  location: ServiceLocation;
}

/** POS codes are two digits (CMS Place of Service Code Set); 11 office, 53 CMHC and so on. */
const PLACE_OF_SERVICE = /^\d{2}$/;

export function decideAddServiceLocation(command: AddServiceLocation, state: PracticeState): ServiceLocationAdded[] {
  if (state.status !== 'registered') throw new PracticeNotFound(command.context.tenantId);
  const { location } = command;
  if (state.locations.some((known) => known.locationId === location.locationId)) {
    throw new ServiceLocationAlreadyAdded(location.locationId);
  }
  if (!PLACE_OF_SERVICE.test(location.defaultPlaceOfService)) {
    throw new InvalidPlaceOfService(location.defaultPlaceOfService);
  }
  return [{ type: 'scheduling.ServiceLocationAdded', data: location }];
}
