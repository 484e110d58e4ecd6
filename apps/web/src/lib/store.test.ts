import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLocalStore } from './store';

const KEY = 'store-test';
const parse = (value: unknown) => (typeof value === 'number' ? value : 0);

/** What the browser sends this tab when another tab of the shop writes `key`. */
function otherTabWrites(value: string | null) {
  if (value === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, value);
  window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: value }));
}

describe('createLocalStore', () => {
  afterEach(() => localStorage.removeItem(KEY));

  it('starts from what an earlier visit stored, and ignores what it cannot read', () => {
    localStorage.setItem(KEY, '3');
    expect(createLocalStore(KEY, { parse, empty: 0 }).get()).toBe(3);
    localStorage.setItem(KEY, '{not json');
    expect(createLocalStore(KEY, { parse, empty: 0 }).get()).toBe(0);
  });

  it('stores each change for the next visit, and forgets the key for the empty value', () => {
    const store = createLocalStore(KEY, { parse, empty: 0 });
    store.set(5);
    expect(localStorage.getItem(KEY)).toBe('5');
    store.set(0);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it("follows another tab's changes and tells the subscribers", () => {
    const store = createLocalStore(KEY, { parse, empty: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    otherTabWrites('7');
    expect(store.get()).toBe(7);
    otherTabWrites(null);
    expect(store.get()).toBe(0);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps the value for this tab when storage refuses it', () => {
    const store = createLocalStore(KEY, { parse, empty: 0 });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.set(9);
    expect(store.get()).toBe(9);
  });
});
