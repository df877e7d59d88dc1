// The report file's `ledger` key: optional, every field defaulted, so that files without it
// (or written by hand) stay valid.
import { z } from 'zod';

const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string()).default('');

export const ledgerEntrySchema = z.object({
  received: text,
  applicant: text,
  subject: text,
  answered: text,
  outcome: text,
  reason: text,
});

const choices = z.record(z.string(), z.string()).default({});

export const ledgerSchema = z.object({
  entries: z.array(ledgerEntrySchema).default([]),
  mapping: z.object({ applicant: choices, outcome: choices }).default({ applicant: {}, outcome: {} }),
});
