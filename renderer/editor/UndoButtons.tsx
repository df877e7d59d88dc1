// 撤销 / 重做 above a table or a narrative section (the same as Ctrl+Z / Ctrl+Y there).
import Button from '@mui/material/Button';

export function UndoButtons(props: { canUndo: boolean; canRedo: boolean; onUndo(): void; onRedo(): void }) {
  return (
    <>
      <Button size="small" variant="outlined" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl+Z">
        撤销
      </Button>
      <Button size="small" variant="outlined" onClick={props.onRedo} disabled={!props.canRedo} title="Ctrl+Y">
        重做
      </Button>
    </>
  );
}
