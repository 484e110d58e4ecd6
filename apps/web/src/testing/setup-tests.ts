import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { toasts } from '../components/ui/toast';
import { accountCartCount } from '../features/cart/stores/account-cart-count';
import { guestCart } from '../features/cart/stores/guest-cart';
import { queryClient } from '../lib/query-client';
import { session } from '../lib/session';
import { server } from './server';

// findBy* waits up to 1 s by default; a lazy route's first render took longer in a fresh-clone CI
// run with the API and infra suites on the same 2 cores. A real failure still fails, only later.
configure({ asyncUtilTimeout: 5000 });

// Any request a test did not plan for is a failure, not a silent network call.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

afterEach(() => {
  cleanup();
  server.resetHandlers();
  session.signOut();
  guestCart.clear();
  accountCartCount.set(null);
  toasts.dismiss();
  localStorage.clear();
  queryClient.clear();
  vi.useRealTimers();
});

afterAll(() => server.close());

// jsdom has no layout: scrolling is a no-op the app may call on navigation.
window.scrollTo = () => undefined;

// jsdom has <dialog> but not its methods; enough of them for ConfirmDialog (open, close, Escape is
// the browser's and is covered by the end-to-end test).
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}
