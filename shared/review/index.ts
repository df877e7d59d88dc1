export * from './figures';
export * from './organ';
export * from './review';
export * from './where';
export * from './outcomes';
export * from './schema';
export * from './last-year';
