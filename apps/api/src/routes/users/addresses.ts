import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Address,
  AddressCreate,
  AddressList,
  AddressParams,
  AddressUpdate,
} from '@mini-ecommerce/domain';
import { errorResponses, signedIn } from '../../lib/schemas';

/** The caller's address book under /api/users/me/addresses. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  const { addresses } = app.data;

  app.get(
    '/',
    signedIn(app.authenticate, {
      tags,
      summary: "The caller's delivery addresses (at most 5, one default)",
      response: { 200: AddressList, ...errorResponses('UNAUTHORIZED') },
    }),
    async (request) => ({ items: await addresses.list(request.user.userId) }),
  );

  app.post(
    '/',
    signedIn(app.authenticate, {
      tags,
      summary: 'Save a delivery address; the first one becomes the default',
      body: AddressCreate,
      response: { 201: Address, ...errorResponses('UNAUTHORIZED', 'CONFLICT') },
    }),
    async (request, reply) =>
      reply.status(201).send(await addresses.create(request.user.userId, request.body)),
  );

  app.patch(
    '/:addressId',
    signedIn(app.authenticate, {
      tags,
      summary: 'Change a delivery address or make it the default',
      params: AddressParams,
      body: AddressUpdate,
      response: { 200: Address, ...errorResponses('UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT') },
    }),
    async (request) =>
      addresses.update(request.user.userId, request.params.addressId, request.body),
  );

  app.delete(
    '/:addressId',
    signedIn(app.authenticate, {
      tags,
      summary: 'Delete a delivery address (placed orders keep their copy)',
      params: AddressParams,
      response: { 204: z.null(), ...errorResponses('UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT') },
    }),
    async (request, reply) => {
      await addresses.delete(request.user.userId, request.params.addressId);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
