export {
  MOTO_VERSION,
  MissingMotoError,
  assertMotoInstalled,
  startMotoServer,
  waitForMoto,
  type MotoServer,
  type MotoServerOptions,
} from './moto/moto-server';
