import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_CURRENCY } from '@mini-ecommerce/domain/rules';
import { App } from './app/app';
import { formatMoney } from './lib/money';
import './styles.css';

// A page's first price costs Intl's start-up (ICU's locale data): 20–30 ms, four times that on a
// throttled phone. Paid before the first paint, which waits for this script anyway, rather than
// in the render of the first product cards, a long task that blocks the shopper's first taps.
formatMoney(0, DEFAULT_CURRENCY);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
