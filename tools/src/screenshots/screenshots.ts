/**
 * `npm run screenshots`: starts the shop as `npm start` does (a fresh data directory with the demo
 * catalog, on a free port), walks a shopper and an admin through the main pages in Chromium, and
 * writes a PNG of each page at 1280 px and 375 px wide to docs/screenshots/.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../bench/api-process';
import { runNpmStart } from '../bench/npm-start';
import { chromiumPath } from '../local-stack/chromium';

const OUT_DIR = join(ROOT, 'docs/screenshots');
const WIDTHS = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 812 } };
const ADMIN = { email: 'screenshots-admin@example.com', password: 'screenshots-admin-password' };
const SHOPPER = {
  name: 'Robin Shopper',
  email: `robin-${Date.now().toString(36)}@example.com`,
  password: 'robin-password',
};

type Width = keyof typeof WIDTHS;

/** Lets images and fonts finish and any transition end, then writes `<name>-<width>.png`. */
async function shoot(page: Page, name: string, width: Width) {
  await page.waitForLoadState('networkidle');
  // A string, evaluated in the page: the tools project compiles without the DOM's types.
  await page.evaluate(`(async () => {
    await document.fonts.ready;
    await Promise.all(
      [...document.images]
        .filter((image) => !image.complete)
        .map((image) => new Promise((done) => {
          image.addEventListener('load', done, { once: true });
          image.addEventListener('error', done, { once: true });
        })),
    );
  })()`);
  await page.waitForTimeout(250);
  const path = join(OUT_DIR, `${name}-${width}.png`);
  await page.screenshot({ path });
  console.log(`wrote ${path.slice(ROOT.length + 1)}`);
}

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A guest browses, fills the cart, registers, orders and looks at the order. */
async function shopperJourney(browser: Browser, url: string, width: Width, register: boolean) {
  const context = await browser.newContext({ viewport: WIDTHS[width], baseURL: url });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);

  await page.goto('/');
  await page
    .getByRole('button', { name: /^Add to cart: / })
    .first()
    .waitFor();
  await shoot(page, 'home', width);

  await page.goto('/?category=Kitchen');
  await page.getByRole('heading', { level: 1, name: 'Kitchen' }).waitFor();
  await page
    .getByRole('button', { name: /^Add to cart: / })
    .first()
    .waitFor();
  await page
    .getByRole('button', { name: /^Add to cart: / })
    .first()
    .click();
  await page.getByText(/Added .+ to your cart\./).waitFor();
  await shoot(page, 'category-with-toast', width);

  await page.goto('/search?q=lamp');
  await page.getByRole('heading', { level: 1, name: /^Results for / }).waitFor();
  await page
    .getByRole('button', { name: /^Add to cart: / })
    .first()
    .waitFor();
  await shoot(page, 'search', width);

  await page
    .getByRole('article')
    .filter({ has: page.getByRole('button', { name: /^Add to cart: / }) })
    .first()
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: /^Add to cart: / }).waitFor();
  await page.getByRole('button', { name: /^Add to cart: / }).click();
  await page.getByText(/Added .+ to your cart\./).waitFor();
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await shoot(page, 'product', width);

  await page.goto('/cart');
  await page.getByRole('list', { name: 'Items in your cart' }).waitFor();
  await shoot(page, 'cart', width);

  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await shoot(page, 'sign-in', width);

  if (register) {
    await page.goto('/register?next=%2Fcheckout');
    await page.getByLabel('Name').fill(SHOPPER.name);
    await page.getByLabel('Email').fill(SHOPPER.email);
    await page.getByLabel(/^Password/).fill(SHOPPER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
  } else {
    await page.goto('/sign-in?next=%2Fcheckout');
    await signIn(page, SHOPPER);
  }
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  await page.getByRole('group', { name: 'Delivery address' }).waitFor();
  if (register) {
    await page.getByLabel('Full name').fill(SHOPPER.name);
    await page.getByLabel('Address line 1').fill('12 Harbour Road');
    await page.getByLabel('City').fill('Bristol');
    await page.getByLabel('Postal code').fill('BS1 5TY');
    await page.getByLabel('Country').selectOption('GB');
  }
  await shoot(page, 'checkout', width);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you for your order' }).waitFor();
  await page.getByRole('table', { name: 'Items in this order' }).waitFor();
  await shoot(page, 'order-confirmation', width);

  await page.goto('/orders');
  await page.getByRole('list', { name: 'Your orders' }).waitFor();
  await shoot(page, 'orders', width);
  await page.getByRole('list', { name: 'Your orders' }).getByRole('link').first().click();
  await page.getByRole('table', { name: 'Items in this order' }).waitFor();
  await shoot(page, 'order-detail', width);
  await context.close();
}

/** The admin's pages: dashboard, products, a product's edit page with its delete dialog, orders. */
async function adminJourney(browser: Browser, url: string, width: Width) {
  const context = await browser.newContext({ viewport: WIDTHS[width], baseURL: url });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto('/sign-in?next=%2Fadmin');
  await signIn(page, ADMIN);
  await page.getByRole('table', { name: 'Newest orders' }).waitFor();
  await shoot(page, 'admin-dashboard', width);

  await page.goto('/admin/products');
  await page.getByRole('table', { name: 'Products' }).waitFor();
  await shoot(page, 'admin-products', width);
  await page.getByRole('table', { name: 'Products' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Save changes' }).waitFor();
  await shoot(page, 'admin-product-edit', width);
  await page.getByRole('button', { name: 'Delete this product' }).click();
  await page.getByRole('dialog').waitFor();
  await shoot(page, 'admin-delete-dialog', width);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await page.goto('/admin/orders');
  await page.getByRole('table', { name: 'Orders' }).waitFor();
  await shoot(page, 'admin-orders', width);
  await context.close();
}

async function main() {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  console.log('starting the shop (npm start on a fresh data directory)…');
  const stack = await runNpmStart({
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, APP_ENV: 'local' },
    timeoutMs: 240_000,
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    await shopperJourney(browser, stack.url, 'desktop', true);
    await shopperJourney(browser, stack.url, 'phone', false);
    await adminJourney(browser, stack.url, 'desktop');
    await adminJourney(browser, stack.url, 'phone');
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
