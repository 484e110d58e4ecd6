import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { accessibilityAudit, DESKTOP, PHONE } from './axe';
import { startStack, WORKSPACE_ROOT, type Stack } from './stack';

const RESULTS_DIR = join(WORKSPACE_ROOT, 'apps/web/test-results');

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack();
  // Debian's Chromium; never a downloaded browser.
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A fresh browser profile whose console errors fail the test, screenshotted if the test fails. */
async function openPage(
  name: string,
  viewport = DESKTOP,
): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport, baseURL: stack.url });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  onTestFailed(async () => {
    await mkdir(RESULTS_DIR, { recursive: true });
    await page
      .screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true })
      .catch(() => undefined);
    console.error(
      `screenshot: apps/web/test-results/${name}.png\nstack output:\n${stack.output().slice(-4000)}`,
    );
  });
  return { page, consoleErrors };
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Fails with every serious or critical axe violation the journey met, one a line. */
function expectNoAccessibilityViolations(audit: ReturnType<typeof accessibilityAudit>) {
  if (audit.violations.length > 0) console.error(audit.violations.join('\n'));
  expect(audit.violations, `axe violations:\n${audit.violations.join('\n')}`).toEqual([]);
}

// "Passing axe": axe-core finds no serious or critical WCAG 2.1 A/AA violation on each page the
// journey reaches, at the desktop and the 375 px width (e2e/axe.ts); failures list every one.
describe('the shop in a real browser', () => {
  const unique = Date.now().toString(36);
  const shopper = {
    name: 'E2E Shopper',
    email: `shopper-${unique}@example.com`,
    password: 'shopper-password',
  };
  /** The short number of the order the shopper places, as shown: `#7KQ2-M4XD`. */
  let placedOrderNumber = '';

  it('lets a guest fill a cart, register, keep the cart, order and find the order in the history, every page passing axe', async () => {
    const { page, consoleErrors } = await openPage('shopper', PHONE);
    const axe = accessibilityAudit();
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'All products' }).waitFor(),
    ).resolves.toBeUndefined();

    // The first product that is in stock.
    const addButton = page.getByRole('button', { name: /^Add to cart: .+$/ }).first();
    await addButton.waitFor();
    const productName = ((await addButton.getAttribute('aria-label')) ?? '').replace(
      /^Add to cart: (.+)$/,
      '$1',
    );
    expect(productName).not.toBe('');
    await axe.check(page, 'catalog');

    // The header's search box finds it by name.
    const search = page.getByRole('search');
    await search.getByRole('searchbox', { name: 'Search products' }).fill(productName);
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 1, name: /^Results for / }).waitFor();
    await page.getByRole('heading', { name: productName, exact: true }).first().waitFor();
    await axe.check(page, 'search');
    await noSidewaysScroll(page);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'All products' }).waitFor();
    // Adding shows a toast over the page: nothing moves, and it goes away by itself.
    const before = await addButton.boundingBox();
    await addButton.click();
    await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
    const toast = page
      .getByRole('status')
      .filter({ hasText: `Added ${productName} to your cart.` });
    await toast.waitFor();
    expect(await toast.getAttribute('aria-live')).toBe('polite');
    await toast.getByRole('link', { name: 'View cart' }).waitFor();
    expect(await addButton.boundingBox()).toEqual(before);
    await axe.check(page, 'catalog with a toast');
    await page.getByText(`Added ${productName} to your cart.`).waitFor({ state: 'detached' });
    await noSidewaysScroll(page);

    // Its page survives a reload.
    await page.getByRole('link', { name: productName, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
    await axe.check(page, 'product');

    // The cart, then checkout asks for an account.
    await page.getByRole('link', { name: 'Cart, 1 item' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    await axe.check(page, 'cart');
    await page.getByRole('link', { name: 'Sign in and check out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await axe.check(page, 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await axe.check(page, 'register');
    await page.getByLabel('Name').fill(shopper.name);
    await page.getByLabel('Email').fill(shopper.email);
    await page.getByLabel(/^Password/).fill(shopper.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    // Back at checkout with the guest cart merged into the new account.
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    const review = page.getByRole('table', { name: 'Items to order' });
    await review.getByText(productName).waitFor();
    await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
    await noSidewaysScroll(page);

    // A new account has no saved address: checkout asks for one and saves it.
    await page.getByRole('group', { name: 'Delivery address' }).waitFor();
    await axe.check(page, 'checkout with the address step');
    await page.getByLabel('Full name').fill(shopper.name);
    await page.getByLabel('Address line 1').fill('221B Baker Street');
    await page.getByLabel('City').fill('London');
    await page.getByLabel('Postal code').fill('NW1 6XE');
    await page.getByLabel('Country').selectOption('GB');
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you for your order' }).waitFor();
    // The short order number, once, with the items, the total and the delivery address.
    const placed = await page.getByText(/has been placed\./).textContent();
    const orderNumber = /Your order (\S+) has been placed/.exec(placed ?? '')?.[1] ?? '';
    expect(orderNumber).toMatch(/^#[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    placedOrderNumber = orderNumber;
    expect(await page.getByText(orderNumber.slice(1)).count()).toBe(1);
    await page.getByRole('table', { name: 'Items in this order' }).getByText(productName).waitFor();
    await page
      .getByRole('table', { name: 'Items in this order' })
      .getByText('Order total')
      .waitFor();
    await page.locator('address').filter({ hasText: '221B Baker Street' }).waitFor();
    await page.getByRole('link', { name: 'Cart, 0 items' }).waitFor();
    await axe.check(page, 'order confirmation');

    await page.getByRole('link', { name: 'See all your orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your orders' }).waitFor();
    await page.getByRole('link', { name: `Order ${orderNumber}` }).waitFor();
    await axe.check(page, 'orders');
    await page.getByRole('link', { name: `Order ${orderNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Order details' }).waitFor();
    await page.getByRole('table', { name: 'Items in this order' }).getByText(productName).waitFor();
    const delivery = page.locator('address').filter({ hasText: '221B Baker Street' });
    await delivery.getByText('NW1 6XE London').waitFor();
    await delivery.getByText('United Kingdom').waitFor();
    await axe.check(page, 'order detail');

    expect(consoleErrors).toEqual([]);
    expectNoAccessibilityViolations(axe);
  });

  it("shows the shopper's order on the admin dashboard, and the admin ships it, every page passing axe", async () => {
    expect(placedOrderNumber).not.toBe('');
    const { page, consoleErrors } = await openPage('admin-dashboard');
    const axe = accessibilityAudit();
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(stack.admin.email);
    await page.getByLabel('Password').fill(stack.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page
      .getByRole('region', { name: 'Today' })
      .getByText(/\d+ orders?/)
      .waitFor();
    await page
      .getByRole('table', { name: 'Newest orders' })
      .getByRole('row', { name: new RegExp(placedOrderNumber) })
      .getByText(shopper.name)
      .waitFor();
    await axe.check(page, 'admin dashboard');

    await page.getByRole('link', { name: 'Go to orders' }).click();
    const row = page
      .getByRole('table', { name: 'Orders' })
      .getByRole('row', { name: new RegExp(placedOrderNumber) });
    await row.getByText('221B Baker Street', { exact: false }).waitFor();
    // Who ordered it, and an order number that stays on one line.
    await row.getByText(shopper.name, { exact: true }).waitFor();
    await row.getByText(shopper.email, { exact: true }).waitFor();
    const numberCell = row.getByRole('rowheader');
    expect(await numberCell.textContent()).toBe(placedOrderNumber);
    const lines = await numberCell.evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return range.getClientRects().length;
    });
    expect(lines).toBe(1);
    await axe.check(page, 'admin orders');
    for (const [value, label] of [
      ['PAID', 'Paid'],
      ['SHIPPED', 'Shipped'],
    ] as const) {
      await row.getByLabel(`New status for order ${placedOrderNumber}`).selectOption(value);
      await row.getByRole('button', { name: `Update order ${placedOrderNumber}` }).click();
      await row.getByText(label, { exact: true }).waitFor();
    }
    expect(consoleErrors).toEqual([]);
    expectNoAccessibilityViolations(axe);
  });

  it('lets an admin create a product that a shopper then finds, every page passing axe', async () => {
    const productName = `E2E Teapot ${unique}`;
    const category = `E2E ${unique}`;
    const { page, consoleErrors } = await openPage('admin');
    const axe = accessibilityAudit();
    await page.goto('/admin/products');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(stack.admin.email);
    await page.getByLabel('Password').fill(stack.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    await axe.check(page, 'admin products');

    await page.getByRole('link', { name: 'New product' }).click();
    await page.getByLabel('Name').waitFor();
    await axe.check(page, 'new product');
    await page.getByLabel('Name').fill(productName);
    await page.getByLabel('Category').fill(category);
    await page.getByLabel('Price').fill('12.50');
    await page.getByLabel('Stock').fill('4');
    await page.getByLabel('Description').fill('Made by the end-to-end test.');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${productName}` }).waitFor();
    await axe.check(page, 'product edit');
    expect(consoleErrors).toEqual([]);

    const { page: guest, consoleErrors: guestErrors } = await openPage(
      'shopper-finds-product',
      PHONE,
    );
    await guest.goto('/');
    await guest
      .getByRole('navigation', { name: 'Categories' })
      .getByRole('link', { name: new RegExp(category) })
      .click();
    await guest.getByRole('heading', { level: 1, name: category }).waitFor();
    const card = guest
      .getByRole('article')
      .filter({ has: guest.getByRole('heading', { name: productName }) });
    await card.getByText('$12.50').waitFor();
    await axe.check(guest, 'category');
    await card.getByRole('button', { name: `Add to cart: ${productName}` }).click();
    await guest.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
    await noSidewaysScroll(guest);

    // On a phone the category row scrolls sideways: the selected pill, the last one, is in view.
    await guest.goto(`/?category=${encodeURIComponent('Toys & Games')}`);
    await guest.getByRole('heading', { level: 1, name: 'Toys & Games' }).waitFor();
    const pills = guest.getByRole('navigation', { name: 'Categories' }).getByRole('list');
    const selected = pills.getByRole('link', { name: /Toys & Games/ });
    await expect
      .poll(async () => {
        const [row, pill] = [await pills.boundingBox(), await selected.boundingBox()];
        return !!row && !!pill && pill.x >= row.x && pill.x + pill.width <= row.x + row.width;
      })
      .toBe(true);
    expect(guestErrors).toEqual([]);

    // Deleting asks first: Escape and Cancel keep the product, confirming removes it.
    const productUrl = new URL(page.url());
    const productId = decodeURIComponent(productUrl.pathname.split('/').pop() ?? '');
    const deleteButton = page.getByRole('button', { name: 'Delete this product' });
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: `Delete ${productName}?` });
    await dialog.waitFor();
    await axe.check(page, 'delete confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await deleteButton.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Edit ${productName}` }).waitFor();
    await deleteButton.click();
    await dialog.getByRole('button', { name: 'Delete product' }).click();
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    await guest.goto(`/products/${encodeURIComponent(productId)}`);
    await guest.getByRole('heading', { level: 1, name: 'Product not found' }).waitFor();
    expect(consoleErrors).toEqual([]);
    expectNoAccessibilityViolations(axe);
  });

  it('shows a 403 page to a shopper in the admin area, passing axe', async () => {
    const { page } = await openPage('forbidden');
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(shopper.email);
    await page.getByLabel('Password').fill(shopper.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'All products' }).waitFor();
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: '403 · Access denied' }).waitFor();
    const axe = accessibilityAudit();
    await axe.check(page, 'access denied');
    expectNoAccessibilityViolations(axe);
  });
});
