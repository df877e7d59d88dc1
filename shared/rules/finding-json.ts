// A finding as the command line's --json output gives it (nianbao check, nianbao review):
// rule, severity, message, cells, and field where the finding has one.
import type { Finding } from './types';

export type FindingJson = Pick<Finding, 'rule' | 'severity' | 'message' | 'cells' | 'field'>;

export function findingJson({ rule, severity, message, cells, field }: Finding): FindingJson {
  return field === undefined ? { rule, severity, message, cells } : { rule, severity, message, cells, field };
}
