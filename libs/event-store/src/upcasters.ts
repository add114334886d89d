import type { NewEvent } from './envelope';

type Upcast = (data: unknown) => unknown;

interface EventSchema {
  current: number;
  steps: Map<number, Upcast>;
}

/**
 * Schema versions and upcasters per event type string. A stored event of an older version is lifted
 * step by step (v1→v2→…) before it reaches a decider or projection; the stored bytes never change.
 */
export class EventSchemaRegistry {
  private readonly schemas = new Map<string, EventSchema>();

  /** Declares the current version of `type` and the step that lifts each older version by one. */
  register(type: string, current: number, steps: Record<number, Upcast> = {}): this {
    for (let version = 1; version < current; version++) {
      if (!steps[version]) throw new Error(`Event ${type} v${current} needs an upcaster from v${version}`);
    }
    this.schemas.set(type, { current, steps: new Map(Object.entries(steps).map(([v, fn]) => [Number(v), fn])) });
    return this;
  }

  currentVersion(type: string): number {
    return this.schemas.get(type)?.current ?? 1;
  }

  upcast<T extends Pick<NewEvent, 'type' | 'data' | 'schemaVersion'>>(event: T): T {
    const schema = this.schemas.get(event.type);
    if (!schema || event.schemaVersion >= schema.current) return event;
    let data = event.data;
    for (let version = event.schemaVersion; version < schema.current; version++) {
      data = schema.steps.get(version)!(data);
    }
    return { ...event, data, schemaVersion: schema.current };
  }
}
