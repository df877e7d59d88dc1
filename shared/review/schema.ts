// The review result as it crosses to the main process for the workbook: validated like every
// other API argument, with bounds so that a malformed call cannot make the workbook huge.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const cell = z.number().finite().nullable();
const figures = z.object({
  received: cell,
  carriedOver: cell,
  handled: cell,
  disclosed: cell,
  substantiveRate: cell,
  reviewCases: cell,
  reviewCorrected: cell,
  reviewConcluded: cell,
  reviewCorrectionRate: cell,
  litigationCases: cell,
  litigationCorrected: cell,
  litigationConcluded: cell,
  litigationCorrectionRate: cell,
  fees: cell,
});
const field = z.union([text(200), z.object({ section: z.number().int(), part: text(200).optional() })]);
const finding = z.object({
  rule: text(100),
  severity: z.enum(['error', 'warning', 'info']),
  message: text(2000),
  cells: z.array(text(200)).max(500),
  field: field.optional(),
});
const entry = z.object({
  file: text(500),
  isReport: z.boolean(),
  org: text(500),
  year: z.number().int().nullable(),
  format: z.enum(['2021', '2019']).nullable(),
  kind: text(200),
  readProblems: z.array(text(2000)).max(500),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  repeatPercent: cell,
  lastFile: text(500).nullable(),
  lastNote: text(500),
  readWithLast: z.boolean().optional(),
  duplicateOf: text(500).nullable(),
  duplicateDiffers: z.boolean().optional(),
  otherYear: z.boolean(),
  figures: figures.nullable(),
  findings: z.array(finding).max(2000),
});

export const reviewResultSchema = z.object({
  reports: z.array(entry).max(2000),
  totals: z.object({
    files: z.number().int(),
    reports: z.number().int(),
    unreadable: z.number().int(),
    withErrors: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    duplicates: z.number().int(),
    year: z.number().int().nullable(),
    otherYear: z.number().int(),
    figures,
    byOrgan: z.array(z.object({ org: text(500), file: text(500), received: cell, share: cell })).max(2000),
  }),
});
