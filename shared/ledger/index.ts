// The application ledger: reading its rows, mapping its values, counting it into the matrix of 三.
export * from './types';
export * from './dates';
export * from './headers';
export * from './values';
export * from './records';
export * from './count';
export * from './ledger';
export * from './rules';
