import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createStore } from '../../lib/store';

export interface Toast {
  id: number;
  message: ReactNode;
  tone: 'success' | 'error' | 'info';
}

/** How long a toast stays, unless the pointer or focus is on it. */
export const TOAST_MS = 4000;

const shown = createStore<Toast | null>(null);
let nextId = 1;

/**
 * One short message at a time, shown over the page (it never moves the layout) and announced by
 * the live region the layout renders from the start, so screen readers hear every new message.
 */
export const toasts = {
  show(message: ReactNode, tone: Toast['tone'] = 'success') {
    shown.set({ id: nextId++, message, tone });
  },
  dismiss(id?: number) {
    const current = shown.get();
    if (current && (id === undefined || current.id === id)) shown.set(null);
  },
  current: shown.get,
  subscribe: shown.subscribe,
};

function ToastCard({ toast }: { toast: Toast }) {
  const [held, setHeld] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => toasts.dismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.id, held]);
  return (
    <div
      ref={card}
      className={`toast toast--${toast.tone}`}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!card.current?.contains(event.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <div className="toast__message">{toast.message}</div>
      <button
        type="button"
        className="toast__close"
        aria-label="Dismiss message"
        onClick={() => toasts.dismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/** The toast area; rendered once by the layout, empty until a message arrives. */
export function Toaster() {
  const toast = useSyncExternalStore(toasts.subscribe, toasts.current, toasts.current);
  return (
    <div className="toaster" role="status" aria-live="polite" aria-atomic="true">
      {toast ? <ToastCard key={toast.id} toast={toast} /> : null}
    </div>
  );
}
