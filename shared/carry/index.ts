export * from './previous';
export * from './carry';
