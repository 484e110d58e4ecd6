/** A value that components read with `useSyncExternalStore(store.subscribe, store.get)`. */
export interface Store<T> {
  get: () => T;
  /** Replaces the value and tells the subscribers, unless it is the same value. */
  set: (next: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A store kept in localStorage under `key`, so it outlives the tab, and kept in step with the
 * other tabs of the shop. `parse` checks what is stored (JSON, or `undefined` when there is none)
 * and returns `empty` for anything it does not accept; the value `empty` is stored by removing
 * the key. Without storage (private mode, a full quota) the value lives for this tab only.
 */
export function createLocalStore<T>(
  key: string,
  { parse, empty }: { parse: (stored: unknown) => T; empty: T },
): Store<T> {
  const read = (): T => {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      return parse(raw ? JSON.parse(raw) : undefined);
    } catch {
      return empty;
    }
  };
  const store = createStore(read());
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === key) store.set(read());
    });
  }
  return {
    ...store,
    set(next) {
      try {
        if (Object.is(next, empty)) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage unavailable: the value still lives for this tab.
      }
      store.set(next);
    },
  };
}
