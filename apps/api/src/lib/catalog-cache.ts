import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Bookkeeping per entry (map slot, key, promise, etag) on top of the body itself. */
const ENTRY_OVERHEAD_BYTES = 512;
/** The default budget: a few hundred full catalog pages, a small part of the API's 128 MB. */
export const DEFAULT_CATALOG_CACHE_BYTES = 8 * 1024 * 1024;

interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
  /** The value once loaded, so a hit can be answered without waiting on the promise. */
  loaded?: { value: unknown };
  /** Counted once the value has loaded (a pending entry counts only its overhead). */
  bytes: number;
}

const sizeOfValue = (value: unknown): number =>
  value && typeof value === 'object' && Buffer.isBuffer((value as SerializedBody).body)
    ? (value as SerializedBody).body.length
    : 0;

/**
 * A small read-through cache with a short lifetime for public catalog reads. Entries are
 * shared by every shopper (no per-user state), bounded in bytes (expired entries go first,
 * then the oldest), and dropped on any admin write so this instance never serves what it has
 * just changed. Other instances see the change within `ttlMs`.
 */
export class CatalogCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(
    private readonly ttlMs: number,
    options: { maxBytes?: number; now?: () => number } = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_CATALOG_CACHE_BYTES;
    this.now = options.now ?? Date.now;
  }

  /** What the cache holds now (tests hold it to its budget). */
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** The loaded, unexpired value for `key`, or undefined (a miss or a load still running). */
  peek<T>(key: string): T | undefined {
    if (this.ttlMs <= 0) return undefined;
    const hit = this.entries.get(key);
    return hit?.loaded && hit.expiresAt > this.now() ? (hit.loaded.value as T) : undefined;
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    if (hit) this.remove(key, hit);
    // Concurrent misses share one load; a failed load is not cached.
    const value = load();
    const entry: Entry = {
      expiresAt: now + this.ttlMs,
      value,
      bytes: ENTRY_OVERHEAD_BYTES + key.length * 2,
    };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    value.then(
      (loaded) => {
        if (this.entries.get(key) !== entry) return;
        entry.loaded = { value: loaded };
        const size = sizeOfValue(loaded);
        entry.bytes += size;
        this.bytes += size;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.remove(key, entry);
      },
    );
    this.evict();
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Expired entries first (every entry lives `ttlMs`, so they are the oldest), then the oldest. */
  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.bytes <= this.maxBytes) break;
      this.remove(key, entry);
    }
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
