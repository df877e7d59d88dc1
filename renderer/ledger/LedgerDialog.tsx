// 从登记台账计算: reads a ledger file (or takes the 登记 page's entries), shows the mapping and the
// counted matrix beside the report's, and on the clerk's OK writes the matrix as one undo step.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES, UserError } from '../../shared/api';
import { getFormat } from '../../shared/format';
import {
  countLedgerSheets,
  countReportLedger,
  emptyLedger,
  ledgerCarryFindings,
  ledgerFindings,
  matrixRulesText,
  FIELD_LABELS,
  matrixChanges,
  matrixDifferences,
  recordsToEntries,
  remember,
  type LedgerResult,
  type RawLedger,
  type SeenValue,
} from '../../shared/ledger';
import { api } from '../api/client';
import type { ReportDoc } from '../editor/useReportDoc';
import './ledger.css';
import { toBase64 } from '../import/source';
import { useNotify } from '../notify';
import { LedgerMatrix } from './LedgerMatrix';
import { entryWording } from './LedgerPage';
import { LayoutLine, LedgerValues } from './LedgerValues';
import { useEarlierChoices } from './useEarlierChoices';

/** A ledger with thousands of bad rows lists the first ones; the count says how many in all. */
const SHOWN_PROBLEMS = 200;

type Source = { kind: 'file'; raw: RawLedger } | { kind: 'entries' };

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function readChosenLedger(file: File): Promise<RawLedger> {
  if (file.size === 0) throw new UserError(`台账文件“${file.name}”是空的，没有可读取的内容。`);
  if (file.size > MAX_IMPORT_BYTES) throw new UserError(`台账文件“${file.name}”超过100MB，不像是登记台账，未读取。`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return api.readLedger({ name: file.name, base64: toBase64(bytes) });
}

export function LedgerDialog({ doc, open, onClose }: { doc: ReportDoc; open: boolean; onClose(): void }) {
  const notify = useNotify();
  const [source, setSource] = useState<Source | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { report, update, setCells } = doc;
  const format = getFormat(report.format);
  const entries = report.ledger?.entries.length ?? 0;
  const inherited = useEarlierChoices(doc);

  const result: LedgerResult | null = useMemo(() => {
    if (!source) return null;
    if (source.kind === 'entries') return { ok: true, layout: null, tally: countReportLedger(report), records: [] };
    return countLedgerSheets(source.raw, format, report.year, report.ledger?.mapping);
  }, [source, report, format]);
  const tally = result?.ok ? result.tally : null;
  const differences = useMemo(
    () => new Set(tally ? matrixDifferences(format, report, tally) : []),
    [format, report, tally],
  );
  const findings = useMemo(() => (tally ? ledgerFindings(report, tally) : []), [report, tally]);
  const carry = useMemo(() => (tally ? ledgerCarryFindings(report, tally) : []), [report, tally]);

  const close = () => {
    setSource(null);
    setError('');
    onClose();
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      setSource({ kind: 'file', raw: await readChosenLedger(file) });
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const onChoose = (v: SeenValue, target: string) =>
    update((r) => {
      const ledger = r.ledger ?? emptyLedger();
      return { ...r, ledger: { ...ledger, mapping: remember(ledger.mapping, v, target) } };
    });

  const fill = () => {
    if (!tally) return;
    const changes = matrixChanges(format, report, tally);
    setCells(changes);
    notify(
      changes.length
        ? `已按台账填入表三（改动${changes.length}个单元格）。如有误，可点“撤销”或按 Ctrl+Z。`
        : '表三已与台账一致，没有需要改动的单元格。',
      'success',
    );
    close();
  };

  // The file's rows onto an empty 登记台账 page, where the rows not placed can be put right.
  const store = () => {
    if (!result?.ok || !result.records.length || entries) return;
    const kept = recordsToEntries(result.records);
    update((r) => ({ ...r, ledger: { ...(r.ledger ?? emptyLedger()), entries: kept } }));
    setSource({ kind: 'entries' });
    notify(`已把${kept.length}件申请存入“登记台账”页（按台账的顺序编号），可在那里改正未能计入的申请。`, 'success');
  };

  const rowProblems = tally?.problems.filter((p) => p.kind === 'row') ?? [];
  const unmapped = tally?.problems.filter((p) => p.kind === 'unmapped') ?? [];
  const rowsName = source?.kind === 'entries' ? '条' : '行';

  return (
    <Dialog open={open} onClose={busy ? undefined : close} maxWidth="xl" fullWidth aria-labelledby="ledger-title">
      <DialogTitle id="ledger-title">从登记台账计算表三</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <input
              ref={input}
              type="file"
              accept=".xlsx,.xls,.csv,.txt"
              hidden
              onChange={(e) => void choose(e.target.files?.[0])}
              data-testid="ledger-file"
            />
            <Button variant="outlined" onClick={() => input.current?.click()} disabled={busy}>
              {busy ? '正在读取…' : '选择台账文件…'}
            </Button>
            <Button variant="outlined" onClick={() => setSource({ kind: 'entries' })} disabled={busy || !entries}>
              使用“登记台账”页的{entries}件申请
            </Button>
            <Typography variant="body2" color="text.secondary">
              台账为 Excel（.xlsx）或 CSV，一行一件申请，列名如
              {(['applicant', 'received', 'answered', 'outcome'] as const).map((f) => `“${FIELD_LABELS[f]}”`).join('')}
              。
            </Typography>
          </Stack>
          {inherited && (
            <Typography variant="body2" color="text.secondary" data-testid="ledger-inherited">
              {inherited}
            </Typography>
          )}
          {error && <Alert severity="error">{error}</Alert>}
          {result && !result.ok && <Alert severity="error">{result.problem.message}</Alert>}
          {tally && (
            <>
              {result?.ok && result.layout && <LayoutLine layout={result.layout} />}
              <Typography variant="body2" data-testid="ledger-summary">
                共{tally.rows}件申请，计入{report.year}年度{tally.counted}件
                {tally.earlier.length
                  ? `；${tally.earlier.length}件在${report.year - 1}年已办结，属上年报告，未计入`
                  : ''}
                。
              </Typography>
              {findings.length === 0 ? (
                <Alert severity="success" data-testid="ledger-rules">
                  按台账计算的表三满足全部勾稽关系：{matrixRulesText(format)}。
                </Alert>
              ) : (
                <Alert severity="error" data-testid="ledger-rules">
                  {findings.map((f) => f.message).join('；')}
                </Alert>
              )}
              {carry.length > 0 && (
                <Alert severity="warning" data-testid="ledger-carry">
                  按台账计算的表三与上年报告不一致，台账可能缺少上年收到、年底仍在办理的申请：
                  {carry.map((f) => f.message).join('；')}
                </Alert>
              )}
              {unmapped.length > 0 && (
                <Alert severity="warning">
                  有{unmapped.length}
                  个值不能确定对应表三的哪一行或哪一列，相关申请暂未计入。请在下表中为它们选择（选择会保存在本报告中，下次自动使用）。
                </Alert>
              )}
              {rowProblems.length > 0 && (
                <Alert severity="warning" data-testid="ledger-problems">
                  <div>
                    有{rowProblems.length}
                    {rowsName}未能计入，请在台账中改正后重新计算：
                  </div>
                  <ul style={{ margin: '4px 0 0', paddingLeft: 20, maxHeight: 120, overflow: 'auto' }}>
                    {rowProblems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                      <li key={i}>{source?.kind === 'entries' ? entryWording(p.message) : p.message}</li>
                    ))}
                    {rowProblems.length > SHOWN_PROBLEMS && (
                      <li>还有{rowProblems.length - SHOWN_PROBLEMS}处未列出。</li>
                    )}
                  </ul>
                </Alert>
              )}
              {tally.seen.length > 0 && <LedgerValues format={format} seen={tally.seen} onChoose={onChoose} />}
              <LedgerMatrix
                format={format}
                report={report}
                tally={tally}
                differences={differences}
                source={source?.kind ?? 'file'}
              />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {source?.kind === 'file' && result?.ok && (
          <Button
            onClick={store}
            disabled={entries > 0}
            title={
              entries
                ? `“登记台账”页已有${entries}件申请：为免重复，只能存入空的登记台账页`
                : '把台账的每一行存入本报告的“登记台账”页，以后在软件中登记'
            }
            sx={{ mr: 'auto' }}
          >
            存入“登记台账”页
          </Button>
        )}
        <Button onClick={close} disabled={busy}>
          取消
        </Button>
        <Button variant="contained" onClick={fill} disabled={!tally || findings.length > 0}>
          {tally && tally.problems.length ? '仍然填入表三（不含未计入的申请）' : '填入表三'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
