import { SetMetadata } from '@nestjs/common';

export const EVENT_CONSUMER = 'revcycle:event-consumer';

/** Marks a provider implementing `Consumer` so the worker runs it against the stored log. */
export const EventConsumer = (): ClassDecorator => SetMetadata(EVENT_CONSUMER, true);
