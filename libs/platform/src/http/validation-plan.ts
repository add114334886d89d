import { getMetadataStorage, ValidationTypes, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Validate = ValidatorConstraintInterface['validate'];

interface Check {
  readonly property: string;
  readonly constraints: unknown[];
  readonly each: boolean;
  readonly validateIf?: (object: unknown, value: unknown) => boolean;
  readonly validators: readonly Validate[];
}

interface PropertyPlan {
  readonly name: string;
  readonly conditions: ReadonlyArray<(object: unknown, value: unknown) => boolean>;
  readonly checks: readonly Check[];
  /** Schema name class-validator passes down for a nested object: the declaring class's name. */
  readonly nestedSchema?: string;
}

/** How one class is validated, or `undefined` when it uses a feature only class-validator itself handles. */
interface ClassPlan {
  readonly known: ReadonlySet<string>;
  readonly properties: readonly PropertyPlan[];
}

/**
 * Answers "would class-validator find nothing wrong?" for the pipe's options (whitelist,
 * forbidNonWhitelisted, forbidUnknownValues; no groups, no skipping), with the same metadata and the
 * same constraint functions, but looked up once per class instead of on every request (class-validator
 * scans every decorated class for ancestors on each call). `false` means "not sure": the caller
 * then asks class-validator, whose errors are the ones reported. So a refusal always reads the
 * same; only a clean body is accepted faster.
 */
export class ValidationPlans {
  private readonly storage = getMetadataStorage();
  private readonly plans = new Map<string, Map<Function, ClassPlan | null>>();

  isClean(object: object, schema?: string): boolean {
    const plan = this.planOf(object.constructor, schema);
    if (!plan) return false;
    for (const key of Object.keys(object)) if (!plan.known.has(key)) return false;
    const record = object as Record<string, unknown>;
    for (const property of plan.properties) {
      if (!this.propertyIsClean(object, record[property.name], property)) return false;
    }
    return true;
  }

  private propertyIsClean(object: object, value: unknown, property: PropertyPlan): boolean {
    for (const condition of property.conditions) if (!condition(object, value)) return true;
    for (const check of property.checks) if (!checkPasses(object, value, check)) return false;
    return property.nestedSchema === undefined || this.nestedIsClean(value, property.nestedSchema);
  }

  private nestedIsClean(value: unknown, schema: string): boolean {
    if (value === undefined) return true;
    if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
      for (const item of value instanceof Map ? value.values() : value) if (!this.nestedIsClean(item, schema)) return false;
      return true;
    }
    return value instanceof Object && this.isClean(value, schema);
  }

  private planOf(type: Function | undefined, schema: string | undefined): ClassPlan | undefined {
    if (typeof type !== 'function') return undefined;
    const key = schema ?? '';
    let bySchema = this.plans.get(key);
    if (!bySchema) this.plans.set(key, (bySchema = new Map()));
    let plan = bySchema.get(type);
    if (plan === undefined) bySchema.set(type, (plan = this.buildPlan(type, schema)));
    return plan ?? undefined;
  }

  private buildPlan(type: Function, schema: string | undefined): ClassPlan | null {
    const metadatas = this.storage.getTargetValidationMetadatas(type, schema as string, false, false, undefined);
    if (metadatas.length === 0) return null;
    const grouped = this.storage.groupByPropertyName(metadatas);
    const properties: PropertyPlan[] = [];
    for (const [name, own] of Object.entries(grouped)) {
      const property = this.propertyPlan(name, own);
      if (!property) return null;
      properties.push(property);
    }
    return { known: new Set(Object.keys(grouped)), properties };
  }

  /** The order of class-validator's executor: conditions, presence checks, constraints, nesting. */
  private propertyPlan(name: string, metadatas: ValidationMetadata[]): PropertyPlan | undefined {
    const supported: string[] = [
      ValidationTypes.CONDITIONAL_VALIDATION,
      ValidationTypes.IS_DEFINED,
      ValidationTypes.CUSTOM_VALIDATION,
      ValidationTypes.NESTED_VALIDATION,
      ValidationTypes.WHITELIST,
    ];
    if (metadatas.some((metadata) => !supported.includes(metadata.type))) return undefined;
    const ofType = (type: string) => metadatas.filter((metadata) => metadata.type === type);
    const checks: Check[] = [];
    for (const metadata of [...ofType(ValidationTypes.IS_DEFINED), ...ofType(ValidationTypes.CUSTOM_VALIDATION)]) {
      const constraints = this.storage.getTargetValidatorConstraints(metadata.constraintCls);
      if (constraints.some((constraint) => constraint.async)) return undefined;
      checks.push({
        property: metadata.propertyName,
        constraints: metadata.constraints,
        each: metadata.each,
        validateIf: metadata.validateIf,
        validators: constraints.map(({ instance }) => instance.validate.bind(instance)),
      });
    }
    const nested = ofType(ValidationTypes.NESTED_VALIDATION)[0];
    return {
      name,
      conditions: ofType(ValidationTypes.CONDITIONAL_VALIDATION).map((metadata) => metadata.constraints[0] as PropertyPlan['conditions'][number]),
      checks,
      nestedSchema: nested && (typeof nested.target === 'string' ? nested.target : nested.target.name),
    };
  }
}

function checkPasses(object: object, value: unknown, check: Check): boolean {
  if (check.validateIf && !check.validateIf(object, value)) return true;
  const args: ValidationArguments = { targetName: object.constructor?.name, property: check.property, object, value, constraints: check.constraints };
  const items = check.each ? itemsOf(value) : undefined;
  for (const validate of check.validators) {
    if (!items) {
      if (validate(value, args) !== true) return false;
      continue;
    }
    for (const item of items) if (validate(item, args) !== true) return false;
  }
  return true;
}

function itemsOf(value: unknown): Iterable<unknown> | undefined {
  if (Array.isArray(value) || value instanceof Set) return value;
  if (value instanceof Map) return value.values();
  return undefined;
}
