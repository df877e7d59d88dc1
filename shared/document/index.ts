// The document description and what is drawn from it (see describe.ts).
export * from './types';
export * from './layout';
export * from './grid';
export * from './describe';
export * from './html';
export * from './names';
export * from './warnings';
