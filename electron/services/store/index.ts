export { openStore, ReportStore, defaultReportName, copyName, type StoreOptions } from './store';
export { writeFileAtomic, renameWithRetry } from './atomic';
export { MAX_BACKUPS, stampOf, dateOfStamp } from './backups';
export { formatLocalTime } from './notices';
