import { useEffect } from 'react';

export const SHOP_NAME = 'Mini-ecommerce';

export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${SHOP_NAME}` : SHOP_NAME;
  }, [title]);
}
