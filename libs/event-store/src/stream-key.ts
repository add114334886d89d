/** The key a stream is held under in the adapters' in-process caches: tenant and stream id. */
export const streamKey = (tenantId: string, streamId: string): string => `${tenantId}\u0000${streamId}`;
