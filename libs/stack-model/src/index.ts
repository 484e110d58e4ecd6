export * from './environments';
export * from './naming';
export * from './ports';
export * from './tables';
export * from './metrics';
export * from './stacks';
export * from './runtime';
export * from './instance';
