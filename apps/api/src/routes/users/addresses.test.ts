import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '@mini-ecommerce/domain';
import { buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

const url = '/api/users/me/addresses';
const address = (n: number) => ({
  name: `Shopper ${n}`,
  line1: `${n} Main Street`,
  city: 'Lyon',
  postalCode: '69001',
  country: 'FR',
});
const create = (token: string, payload: object) =>
  t.request({ method: 'POST', url, token, payload });
const list = async (token: string) =>
  (await t.request({ url, token })).json<{ items: Address[] }>().items;

describe('/api/users/me/addresses', () => {
  it('saves addresses; the first becomes the default, and a new default replaces it', async () => {
    const { token } = await t.quickCustomer();
    expect(await list(token)).toEqual([]);
    const first = await create(token, address(1));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ ...address(1), isDefault: true });
    const second = (await create(token, { ...address(2), phone: '+33 4 72 00 00 00' })).json();
    expect(second.isDefault).toBe(false);
    const third = (await create(token, { ...address(3), isDefault: true })).json<Address>();
    expect(third.isDefault).toBe(true);
    expect((await list(token)).map((a) => [a.name, a.isDefault])).toEqual([
      ['Shopper 1', false],
      ['Shopper 2', false],
      ['Shopper 3', true],
    ]);
  });

  it('changes fields, clears optional ones with null and moves the default', async () => {
    const { token } = await t.quickCustomer();
    const first = (await create(token, { ...address(1), line2: 'Flat 4' })).json<Address>();
    const second = (await create(token, address(2))).json<Address>();
    const patched = await t.request({
      method: 'PATCH',
      url: `${url}/${first.addressId}`,
      token,
      payload: { city: 'Paris', line2: null },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toEqual({
      ...address(1),
      city: 'Paris',
      addressId: first.addressId,
      isDefault: true,
    });
    await t.request({
      method: 'PATCH',
      url: `${url}/${second.addressId}`,
      token,
      payload: { isDefault: true },
    });
    expect((await list(token)).map((a) => a.isDefault)).toEqual([false, true]);
  });

  it('deletes an address; deleting the default makes the oldest remaining one the default', async () => {
    const { token } = await t.quickCustomer();
    const first = (await create(token, address(1))).json<Address>();
    await create(token, address(2));
    const removed = await t.request({ method: 'DELETE', url: `${url}/${first.addressId}`, token });
    expect(removed.statusCode).toBe(204);
    expect((await list(token)).map((a) => [a.name, a.isDefault])).toEqual([['Shopper 2', true]]);
    const again = await t.request({ method: 'DELETE', url: `${url}/${first.addressId}`, token });
    expect(again.statusCode).toBe(404);
    expect(errorOf(again).code).toBe('NOT_FOUND');
  });

  it('keeps at most 5 addresses, also when six are saved at once', async () => {
    const { token } = await t.quickCustomer();
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, n) => create(token, address(n))),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 409]);
    const refused = responses.find((r) => r.statusCode === 409);
    expect(refused && errorOf(refused).code).toBe('CONFLICT');
    const saved = await list(token);
    expect(saved).toHaveLength(5);
    expect(saved.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it('refuses invalid addresses and server-owned fields with VALIDATION_ERROR', async () => {
    const { token } = await t.quickCustomer();
    for (const payload of [
      { ...address(1), country: 'France' },
      { ...address(1), postalCode: '' },
      { ...address(1), addressId: 'mine' },
      { line1: 'only a street' },
    ]) {
      const response = await create(token, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
    const saved = (await create(token, address(1))).json<Address>();
    const empty = await t.request({
      method: 'PATCH',
      url: `${url}/${saved.addressId}`,
      token,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  it("keeps each account's addresses to itself and needs a token", async () => {
    const alice = await t.quickCustomer();
    const bob = await t.quickCustomer();
    const hers = (await create(alice.token, address(1))).json<Address>();
    expect(await list(bob.token)).toEqual([]);
    for (const method of ['PATCH', 'DELETE'] as const) {
      const response = await t.request({
        method,
        url: `${url}/${hers.addressId}`,
        token: bob.token,
        ...(method === 'PATCH' ? { payload: { city: 'Nice' } } : {}),
      });
      expect(response.statusCode).toBe(404);
    }
    expect((await list(alice.token))[0]?.city).toBe('Lyon');
    expect((await t.request({ url })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url, payload: address(1) })).statusCode).toBe(401);
  });
});
