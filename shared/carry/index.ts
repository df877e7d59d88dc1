export * from './previous';
export * from './carry';
export * from './reading';
