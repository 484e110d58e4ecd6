import { useSyncExternalStore } from 'react';
import type { User } from '@mini-ecommerce/domain';

export interface Session {
  token: string;
  user: User;
}

/** Why the shopper is signed out; lets the sign-in page explain an expired session. */
export type SignedOutReason = 'signed-out' | 'expired';

const STORAGE_KEY = 'mini-ecommerce.session';
const listeners = new Set<() => void>();
let current: Session | null = readStored();
let lastReason: SignedOutReason = 'signed-out';

function readStored(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== 'string' || typeof parsed.user?.userId !== 'string') return null;
    return parsed as Session;
  } catch {
    return null;
  }
}

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

function emit() {
  for (const listener of listeners) listener();
}

function write(next: Session | null) {
  current = next;
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or a full quota: the session still lives for this tab.
  }
  emit();
}

export const session = {
  get(): Session | null {
    return current;
  },
  /** The token for a request; an expired one is dropped first so the shopper is asked to sign in. */
  token(): string | undefined {
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
    write(next);
  },
  signOut() {
    lastReason = 'signed-out';
    write(null);
  },
  /** The API refused the token (401): forget it so guarded pages send the shopper to sign in. */
  expire() {
    if (!current) return;
    lastReason = 'expired';
    write(null);
  },
  reason(): SignedOutReason {
    return lastReason;
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== 'undefined') {
  // Another tab signed in or out.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    current = readStored();
    emit();
  });
}

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
