import { registerDecorator, type ValidationOptions } from 'class-validator';

import { isInstant } from '@revcycle/kernel';

/** A time that names one instant: RFC 3339 with seconds and an offset (`2025-03-04T14:00:00Z`). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an instant with seconds and an offset, such as 2025-03-04T14:00:00Z', ...options },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}
