import { useSyncExternalStore } from 'react';
import type { User } from '@mini-ecommerce/domain';
import { createLocalStore } from './store';

export interface Session {
  token: string;
  user: User;
}

/** Why the shopper is signed out; lets the sign-in page explain an expired session. */
export type SignedOutReason = 'signed-out' | 'expired';

const stored = createLocalStore<Session | null>('mini-ecommerce.session', {
  parse: (value) => {
    const session = value as Partial<Session> | undefined;
    return typeof session?.token === 'string' && typeof session.user?.userId === 'string'
      ? (session as Session)
      : null;
  },
  empty: null,
});
let lastReason: SignedOutReason = 'signed-out';

/** Seconds since the epoch at which a JWT expires, or undefined when it cannot be read. */
function tokenExpiry(token: string): number | undefined {
  try {
    const payload = token.split('.')[1];
    if (!payload) return undefined;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: unknown;
    };
    return typeof json.exp === 'number' ? json.exp : undefined;
  } catch {
    return undefined;
  }
}

export const session = {
  get: stored.get,
  /** The token for a request; an expired one is dropped first so the shopper is asked to sign in. */
  token(): string | undefined {
    const current = stored.get();
    if (!current) return undefined;
    const exp = tokenExpiry(current.token);
    if (exp !== undefined && exp * 1000 <= Date.now()) {
      session.expire();
      return undefined;
    }
    return current.token;
  },
  signIn(next: Session) {
    lastReason = 'signed-out';
    stored.set(next);
  },
  signOut() {
    lastReason = 'signed-out';
    stored.set(null);
  },
  /** The API refused the token (401): forget it so guarded pages send the shopper to sign in. */
  expire() {
    if (!stored.get()) return;
    lastReason = 'expired';
    stored.set(null);
  },
  reason(): SignedOutReason {
    return lastReason;
  },
  /** Also called when another tab signs in or out. */
  subscribe: stored.subscribe,
};

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
