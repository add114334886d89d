import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { ValidationFailed, type FieldViolation } from '@revcycle/kernel';

import { flatBodyTransformer } from './flat-body-transformer';
import { ValidationPlans } from './validation-plan';

/**
 * The one validation pipe of the API (AUTHZ-5): unknown fields are refused rather than dropped, so
 * a caller sending `tenantId` learns it cannot set it; failures become `ValidationFailed` with
 * field paths (`lines[2].units`) that the problem filter reports as 400.
 */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformerPackage: flatBodyTransformer,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => new ValidationFailed(toViolations(errors)),
  });
}

/** LIM-2 (security.md §4): nesting and array sizes are capped before any DTO is built from a body. */
export const MAX_BODY_DEPTH = 32;
export const MAX_ARRAY_ITEMS = 1000;

class BoundedValidationPipe extends ValidationPipe {
  private readonly plans = new ValidationPlans();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const violation = metadata.type === 'body' ? shapeViolation(value) : undefined;
    if (violation) throw new ValidationFailed([violation]);
    return super.transform(value, metadata);
  }

  /** A clean body skips class-validator's per-call metadata scan; anything else gets its full report. */
  protected override validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    return this.plans.isClean(object) ? [] : super.validate(object, options);
  }
}

/** The first place a body nests deeper or lists more items than allowed, if any. */
export function shapeViolation(value: unknown, path = '', depth = 0): FieldViolation | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_BODY_DEPTH) return { path: path || '(body)', message: `nests deeper than ${MAX_BODY_DEPTH} levels` };
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_ITEMS) return { path: path || '(body)', message: `lists more than ${MAX_ARRAY_ITEMS} items` };
    for (let index = 0; index < value.length; index++) {
      const found = shapeViolation(value[index], `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const found = shapeViolation(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
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
