export * from './types';
export * from './engine';
export * from './autosum';
export * from './numbers';
export { chineseDate, isValidIsoDate } from './text';
export { tableRows, type PlanRow } from './plan';
export { reportStatus, type ReportStatus } from './status';
