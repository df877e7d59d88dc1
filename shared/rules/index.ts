export * from './types';
export * from './engine';
export * from './autosum';
export * from './numbers';
export { chineseDate, isValidIsoDate } from './text';
export { tableRows, type PlanRow } from './plan';
export { textRepeat, nearlySame, sentenceKey, REPEAT_LIMIT, type RepeatResult } from './repeat';
export { quotedFigures } from './text-numbers';
export { listedProblems } from './text-problems';
