// The MUI theme: Chinese locale, system CJK fonts, compact controls for a desktop window.
import { createTheme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';

export const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", sans-serif';

export const theme = createTheme(
  {
    typography: { fontFamily: FONT_STACK, fontSize: 14, button: { textTransform: 'none' } },
    palette: { primary: { main: '#1f5fa8' }, background: { default: '#f5f6f8' } },
    components: {
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  },
  zhCN,
);
