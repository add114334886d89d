import type { TransformerPackage } from '@nestjs/common/interfaces/external/transformer-package.interface';
import { classToPlain, plainToInstance, TransformationType, type ClassConstructor, type ClassTransformOptions } from 'class-transformer';
// class-transformer keeps its decorator metadata here and exports no other way to ask for it.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/**
 * The validation pipe's class-transformer, with a shortcut for the common body: a flat object of
 * strings, numbers, booleans and nulls, bound for a class that declares no transformer decorators.
 * class-transformer would copy each such value as it is onto a new instance (no options are set), so
 * the shortcut does exactly that without its per-property metadata lookups. Everything else (nested
 * values, arrays, `@Type`, `@Transform`, `@Expose`, `@Exclude`, options) goes to class-transformer.
 */
export const flatBodyTransformer: TransformerPackage = {
  plainToInstance<T>(cls: ClassConstructor<T>, plain: unknown, options?: ClassTransformOptions): T | T[] {
    return flatInstance(cls, plain, options) ?? plainToInstance(cls, plain, options);
  },
  classToPlain,
};

/**
 * Per class: whether it (with its ancestors) carries no class-level transformer metadata, and for
 * each property name met so far whether it has none either; the lookups walk every ancestor.
 */
const classes = new WeakMap<Function, { bare: boolean; plainProperties: Map<string, boolean> }>();

/** The instance class-transformer would build, or undefined when the shortcut does not apply. */
export function flatInstance<T>(cls: ClassConstructor<T>, plain: unknown, options: ClassTransformOptions | undefined): T | undefined {
  if (options !== undefined || typeof plain !== 'object' || plain === null || Array.isArray(plain)) return undefined;
  const known = classOf(cls);
  if (!known.bare) return undefined;
  const record = plain as Record<string, unknown>;
  const keys = Object.keys(record);
  for (const key of keys) {
    const value = record[key];
    if (value !== null && typeof value === 'object') return undefined;
    let plainProperty = known.plainProperties.get(key);
    if (plainProperty === undefined) {
      plainProperty =
        defaultMetadataStorage.findTypeMetadata(cls, key) === undefined &&
        defaultMetadataStorage.findTransformMetadatas(cls, key, TransformationType.PLAIN_TO_CLASS).length === 0;
      // Names come from request bodies: only the class's own are worth remembering, and they are few.
      if (known.plainProperties.size < 256) known.plainProperties.set(key, plainProperty);
    }
    if (!plainProperty) return undefined;
  }
  const instance = new cls() as Record<string, unknown>;
  const prototype = cls.prototype as object;
  for (const key of keys) {
    // The keys class-transformer skips: prototype-polluting names, accessors without a setter, methods.
    if (key === '__proto__' || key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
    if ((descriptor && !descriptor.set) || instance[key] instanceof Function) continue;
    instance[key] = record[key];
  }
  return instance as T;
}

function classOf(cls: Function): { bare: boolean; plainProperties: Map<string, boolean> } {
  let known = classes.get(cls);
  if (known === undefined) {
    const bare =
      defaultMetadataStorage.getStrategy(cls) === 'none' &&
      defaultMetadataStorage.getExposedMetadatas(cls).length === 0 &&
      defaultMetadataStorage.getExcludedMetadatas(cls).length === 0;
    known = { bare, plainProperties: new Map() };
    classes.set(cls, known);
  }
  return known;
}
