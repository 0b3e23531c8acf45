export * from './cli';
export * from './env';
export * from './install';
export * from './node24';
export * from './package';
export * from './paths';
export * from './ports';
export * from './server';
