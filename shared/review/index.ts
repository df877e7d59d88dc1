export * from './figures';
export * from './organ';
export * from './review';
export * from './where';
