// The last line of defence of the page: a part of the interface that throws while drawing shows a
// Chinese message and a way back instead of a blank window. What was saved stays saved, and the
// editor's autosave writes its last changes as the broken part unmounts (see useAutosave).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Back to the start page (the boundary is keyed by the route, so it starts afresh there). */
  onHome(): void;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[nianbao] the page failed:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Box role="alert" data-testid="page-error" sx={{ p: 4, maxWidth: 680 }}>
        <Alert severity="error" sx={{ mb: 2 }}>
          <Typography sx={{ fontWeight: 600, mb: 0.5 }}>界面出错了，这一页暂时无法显示。</Typography>
          <Typography variant="body2">
            已保存的内容不会丢失：报告每次修改后都会自动保存。请返回报告列表后重新打开这份报告；如果仍然出错，请重新载入页面或重新启动软件，并告诉技术人员出错前做了什么。
          </Typography>
        </Alert>
        <Stack direction="row" spacing={1.5}>
          <Button variant="contained" onClick={() => this.props.onHome()}>
            返回报告列表
          </Button>
          <Button onClick={() => window.location.reload()}>重新载入页面</Button>
        </Stack>
      </Box>
    );
  }
}
