import { registerDecorator, type ValidationOptions } from 'class-validator';

import { isLocalDate } from '@revcycle/kernel';

/** A business date `YYYY-MM-DD` that exists in the calendar (2025-02-30 is refused). */
export function IsLocalDateString(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDateString',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a calendar date YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}

/** CPT (five digits, or four and a letter for category II/III) or HCPCS Level II (a letter and four digits). */
export const SERVICE_CODE = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;
