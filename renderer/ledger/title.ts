// The 登记台账 page's name, for the section navigation (kept apart from the page component).
export const LEDGER_TITLE = '登记台账';
