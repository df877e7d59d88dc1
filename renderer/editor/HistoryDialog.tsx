// 历史版本: the kept versions of a report, newest first, with when and what changed; a preview of
// the chosen one against the current version; 恢复 makes it current (the store keeps the version
// it replaces as a version too, so a restore can itself be undone).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { VersionInfo } from '../../shared/api';
import { getFormat } from '../../shared/format';
import { describeChanges, NARRATIVE_SECTIONS, type Report } from '../../shared/report';
import { api } from '../api/client';
import { formatTime } from '../start/StartPage';

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Preview({ version, current }: { version: Report; current: Report }) {
  const diff = describeChanges(current, version);
  const format = getFormat(version.format);
  return (
    <Box data-testid="version-preview">
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        恢复这个版本将：
      </Typography>
      {diff.length ? (
        <Box component="ul" sx={{ mt: 0, pl: 3 }}>
          {diff.map((d, i) => (
            <li key={i}>
              <Typography variant="body2">{d}</Typography>
            </li>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          与当前内容相同，无需恢复。
        </Typography>
      )}
      {NARRATIVE_SECTIONS.map(({ no, key }) => {
        const s = format.sections.find((x) => x.no === no);
        const text = version.narrative[key]
          .map((p) => [p.heading, p.text].filter(Boolean).join('\n'))
          .filter(Boolean)
          .join('\n');
        return (
          <Box key={key} sx={{ mb: 1 }}>
            <Typography variant="subtitle2">{s ? `${s.numeral}、${s.heading}` : key}</Typography>
            <Typography
              variant="body2"
              sx={{ whiteSpace: 'pre-wrap', color: text ? 'text.primary' : 'text.secondary' }}
            >
              {text || '（空）'}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}

export function HistoryDialog(props: {
  id: string;
  open: boolean;
  current: Report;
  onClose(): void;
  /** Saves what is unsaved first; rejects when it cannot. */
  flush(): Promise<void>;
  onRestored(): void;
}) {
  const { id, open, flush } = props;
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setVersions(null);
    setChosen(null);
    setPreview(null);
    setError('');
    // The newest version must be what the window shows: save first.
    flush()
      .catch(() => {})
      .then(() => api.listVersions(id))
      .then((v) => live && setVersions(v))
      .catch((e: unknown) => live && setError(`读取历史版本失败：${errText(e)}`));
    return () => {
      live = false;
    };
  }, [open, id, flush]);

  const choose = (backupId: string) => {
    setChosen(backupId);
    setPreview(null);
    api
      .readVersion(id, backupId)
      .then((v) => setPreview(v.report))
      .catch((e: unknown) => setError(`读取这个版本失败：${errText(e)}`));
  };

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await flush();
      await api.restoreBackup(id, chosen);
      props.onRestored();
    } catch (e) {
      setError(`恢复失败：${errText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={props.onClose} maxWidth="lg" fullWidth data-testid="history-dialog">
      <DialogTitle>历史版本</DialogTitle>
      <DialogContent sx={{ display: 'flex', gap: 2, minHeight: 420 }}>
        <Box sx={{ width: 380, flexShrink: 0, overflow: 'auto', borderRight: 1, borderColor: 'divider' }}>
          {!versions && !error && <CircularProgress size={20} sx={{ m: 2 }} />}
          {versions && versions.length === 0 && <Typography sx={{ m: 2 }}>还没有保留的版本。</Typography>}
          {versions && (
            <List dense aria-label="历史版本列表">
              {versions.map((v, i) => (
                <ListItemButton
                  key={v.backupId}
                  selected={chosen === v.backupId}
                  onClick={() => choose(v.backupId)}
                  data-version={v.backupId}
                >
                  <ListItemText
                    primary={`${formatTime(v.savedAt)}${i === 0 ? '（当前版本）' : ''}`}
                    secondary={v.changes.join('；')}
                  />
                </ListItemButton>
              ))}
            </List>
          )}
        </Box>
        <Box sx={{ flex: 1, overflow: 'auto' }}>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          {!chosen && <Typography color="text.secondary">在左边选一个版本，这里显示它的内容。</Typography>}
          {chosen && !preview && !error && <CircularProgress size={20} />}
          {preview && <Preview version={preview} current={props.current} />}
        </Box>
      </DialogContent>
      <DialogActions>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, pl: 2 }}>
          恢复后，现在的内容仍作为一个历史版本保留，可以再恢复回来。
        </Typography>
        <Button onClick={props.onClose}>关闭</Button>
        <Button
          variant="contained"
          onClick={() => void restore()}
          disabled={!chosen || !preview || busy || chosen === versions?.[0]?.backupId}
        >
          恢复
        </Button>
      </DialogActions>
    </Dialog>
  );
}
