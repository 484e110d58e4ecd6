import type { StockShortage } from '@mini-ecommerce/domain';
import { env } from '../config/env';
import { session } from './session';

/** A failed API call, carrying the contract's error code and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The products named by a 409 `INSUFFICIENT_STOCK`, if that is what the error is. */
export function stockShortages(error: unknown): StockShortage[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'INSUFFICIENT_STOCK') return undefined;
  const products = (error.details as { products?: unknown } | undefined)?.products;
  return Array.isArray(products) ? (products as StockShortage[]) : [];
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the signed-in shopper's token. Public reads go without, so a stale token cannot break browsing. */
  auth?: boolean;
  signal?: AbortSignal;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (
    body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined
  )?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : `The shop answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message, error?.details);
}

/** Absolute, so the same code runs in the browser and under Node's fetch in tests. */
function apiBase(): string {
  return env.API_URL || globalThis.location?.origin || '';
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = options.auth ? session.token() : undefined;
  if (options.auth && !token) {
    session.expire();
    throw new ApiError(401, 'UNAUTHORIZED', 'Please sign in to continue.');
  }
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${apiBase()}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'Could not reach the shop. Check your connection and try again.',
    );
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && token) session.expire();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
