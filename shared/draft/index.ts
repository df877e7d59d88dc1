export * from './paragraphs';
export * from './diff';
