export * from './common';
export * from './money';
export * from './product';
export * from './user';
export * from './cart';
export * from './order';
export * from './errors';
