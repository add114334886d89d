import { registerDecorator, type ValidationOptions } from 'class-validator';

import { isInstant, isLocalDate } from '@revcycle/kernel';

/** A class-validator decorator from one of the kernel's value checks. */
function checkedBy(name: string, message: string, check: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: (value: unknown) => check(value) },
      });
}

/** A time that names one instant: RFC 3339 with seconds and an offset (`2025-03-04T14:00:00Z`). */
export const IsInstant = checkedBy('isInstant', 'must be an instant with seconds and an offset, such as 2025-03-04T14:00:00Z', isInstant);

/** A business date `YYYY-MM-DD` that exists in the calendar (2025-02-30 is refused). */
export const IsLocalDateString = checkedBy('isLocalDateString', 'must be a calendar date YYYY-MM-DD', isLocalDate);
