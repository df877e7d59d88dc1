export * from './previous';
