export * from './model';
export * from './defaults';
export * from './schema';
export * from './migrate';
export * from './version';
export * from './access';
export * from './changes';
export * from './file';
