import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Catches render errors (and failed chunk loads) of one page so the header stays usable. */
export class ErrorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for whoever opens the developer tools; the shopper sees the fallback.
    console.warn('Page failed to render', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
