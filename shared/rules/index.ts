export * from './types';
export * from './engine';
export * from './autosum';
export * from './numbers';
export { chineseDate, isValidIsoDate } from './text';
export { tableRows, type PlanRow } from './plan';
export { textRepeat, nearlySame, sentenceKey, REPEAT_LIMIT, type RepeatResult } from './repeat';
export { quotedFigures } from './quoted-figures';
export { listedProblems } from './text-problems';
export * from './deadlines';
export { reportStatus, type ReportStatus } from './status';
export {
  summarizeBlanks,
  groupBlanks,
  blankHeadline,
  countFindings,
  BLANK_HINT,
  type BlankGroup,
  type BlankSummary,
} from './blanks';
export { findingJson, type FindingJson } from './finding-json';
