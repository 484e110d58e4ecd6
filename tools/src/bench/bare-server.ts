/**
 * The bench's yardstick: a bare Fastify server that answers every GET with the bytes of one API
 * response, read from the file named by argv[2]. It prints `listening <port>` once ready.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.argv[2] as string);
const server = Fastify({ logger: false, keepAliveTimeout: 72_000 });
server.get('/*', (_request, reply) => {
  void reply.header('content-type', 'application/json; charset=utf-8').send(body);
});
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
const address = await server.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${new URL(address).port}`);
