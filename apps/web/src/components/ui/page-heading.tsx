import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * The page's h1. The layout moves focus here after each navigation so screen reader
 * and keyboard users start at the new content; it also sets the document title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  useDocumentTitle(title ?? (typeof children === 'string' ? children : undefined));
  return (
    <h1 className="page-heading" tabIndex={-1} data-page-heading="">
      {children}
    </h1>
  );
}
