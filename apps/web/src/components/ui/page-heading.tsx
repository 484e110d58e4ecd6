import { useEffect, useRef, type ReactNode } from 'react';
import { navigationFocus } from '../../lib/navigation-focus';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * The page's h1. After a navigation it takes focus so screen reader and keyboard
 * users start at the new content; it also sets the document title.
 */
export function PageHeading({
  children,
  title,
}: {
  children: ReactNode;
  title?: string | undefined;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title ?? (typeof children === 'string' ? children : undefined));
  useEffect(() => {
    if (navigationFocus.claim()) heading.current?.focus();
  }, []);
  return (
    <h1 className="page-heading" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
