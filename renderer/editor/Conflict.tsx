// When another window saved this report first, this window's save is refused: a dialog says so
// and offers to reload, and after the reload what this window had not saved stays on screen to
// copy (nothing typed is lost).
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { changesAsText, type Report } from '../../shared/report';

function UnsavedText({ text, rows = [4, 14] }: { text: string; rows?: [number, number] }) {
  return (
    <TextField
      value={text || '（没有未保存的修改）'}
      multiline
      fullWidth
      minRows={rows[0]}
      maxRows={rows[1]}
      sx={{ mt: 1.5 }}
      label="本窗口未保存的内容"
      slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'unsaved-text' } }}
      onFocus={(e) => e.target.select()}
    />
  );
}

/** The conflict dialog; `unsaved` is the last saved state and the current one of this window. */
export function ConflictDialog(props: {
  open: boolean;
  message: string;
  unsaved: { saved: Report | null; current: Report | null };
  onReload(unsavedText: string): void;
}) {
  const { saved, current } = props.unsaved;
  const text = props.open && saved && current ? changesAsText(saved, current) : '';
  return (
    <Dialog open={props.open} maxWidth="md" fullWidth data-testid="conflict-dialog">
      <DialogTitle>此报告已在另一个窗口中修改</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{props.message}</DialogContentText>
        <UnsavedText text={text} />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={() => props.onReload(text)} autoFocus>
          重新载入
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** After a reload: what the window could not save, until the clerk has copied it and closes it. */
export function UnsavedPanel({ text }: { text: string }) {
  const [open, setOpen] = useState(true);
  if (!open || !text) return null;
  return (
    <Alert
      severity="warning"
      data-testid="unsaved-panel"
      sx={{ borderRadius: 0, '& .MuiAlert-message': { flex: 1 } }}
      action={
        <Button color="inherit" size="small" onClick={() => setOpen(false)}>
          关闭
        </Button>
      }
    >
      已重新载入另一个窗口保存的内容。下面是本窗口当时未保存的内容，需要的话请复制后填回：
      <UnsavedText text={text} rows={[2, 6]} />
    </Alert>
  );
}
