// A narrative sub-part's heading as the clerk writes it, and the buttons that move, remove or add
// sub-parts. An empty heading is an opening paragraph without a heading.
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { memo } from 'react';

interface Props {
  index: number;
  count: number;
  partId: string;
  heading: string;
  onRename(index: number, heading: string): void;
  onMove(index: number, by: -1 | 1): void;
  onRemove(index: number): void;
  onAdd(index: number): void;
  onLeave(): void;
}

export const PartHeading = memo(function PartHeading(props: Props) {
  const { index, count, partId, heading } = props;
  const name = heading.trim() || '开篇段落';
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', mb: 0.5, flexWrap: 'wrap' }}>
      <TextField
        size="small"
        variant="standard"
        value={heading}
        placeholder="开篇段落（不加小标题）"
        onChange={(e) => props.onRename(index, e.target.value)}
        onBlur={props.onLeave}
        slotProps={{
          htmlInput: { 'aria-label': `第${index + 1}个小标题`, 'data-heading': partId, id: `heading-${partId}` },
        }}
        sx={{ flex: '1 1 280px', '& input': { fontSize: 16, fontWeight: 600 } }}
      />
      <Button size="small" disabled={index === 0} onClick={() => props.onMove(index, -1)} aria-label={`上移“${name}”`}>
        上移
      </Button>
      <Button
        size="small"
        disabled={index === count - 1}
        onClick={() => props.onMove(index, 1)}
        aria-label={`下移“${name}”`}
      >
        下移
      </Button>
      <Button size="small" color="error" onClick={() => props.onRemove(index)} aria-label={`删除“${name}”`}>
        删除
      </Button>
      <Button size="small" onClick={() => props.onAdd(index)} aria-label={`在“${name}”之后添加小标题`}>
        在下面添加小标题
      </Button>
    </Stack>
  );
});
