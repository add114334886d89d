import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailed, type FieldViolation } from '@revcycle/kernel';

/**
 * The one validation pipe of the API (AUTHZ-5): unknown fields are refused rather than dropped, so
 * a caller sending `tenantId` learns it cannot set it; failures become `ValidationFailed` with
 * field paths (`lines[2].units`) that the problem filter reports as 400.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => new ValidationFailed(toViolations(errors)),
  });
}

/** Flattens class-validator's error tree into one violation per broken constraint. */
export function toViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const path = joinPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message: withoutPrefix(message, error.property) }));
    return [...own, ...toViolations(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator starts messages with the property name; the path already says it. */
function withoutPrefix(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'is not an accepted field';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
