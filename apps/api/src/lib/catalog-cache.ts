import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A small read-through cache with a short lifetime for public catalog reads. Entries are
 * shared by every shopper (no per-user state), bounded in number, and dropped on any admin
 * write so this instance never serves what it has just changed. Other instances see the change
 * within `ttlMs`.
 */
export class CatalogCache {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    // Concurrent misses share one load; a failed load is not cached.
    const value = load();
    this.entries.set(key, { expiresAt: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A response body already validated and serialized by its route's schema, with its entity tag. */
export interface SerializedBody {
  body: Buffer;
  etag: string;
}

/**
 * Serializes `value` with the route's 200 response schema (so it is validated exactly as a
 * returned object would be). Cached catalog entries hold this, and every hit is sent as bytes
 * instead of being validated and stringified again.
 */
export function serializeBody(reply: FastifyReply, value: unknown): SerializedBody {
  const serialized = reply.serialize(value);
  const body =
    typeof serialized === 'string'
      ? Buffer.from(serialized)
      : Buffer.isBuffer(serialized)
        ? serialized
        : Buffer.from(serialized);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** Sends a serialized body, or 304 when the client already holds this version (If-None-Match). */
export function sendSerialized(
  request: FastifyRequest,
  reply: FastifyReply,
  serialized: SerializedBody,
): FastifyReply {
  reply.header('etag', serialized.etag);
  const ifNoneMatch = request.headers['if-none-match'];
  if (
    ifNoneMatch &&
    ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === serialized.etag)
  ) {
    return reply.code(304).send();
  }
  return reply.header('content-type', 'application/json; charset=utf-8').send(serialized.body);
}
