// The MUI theme: Chinese locale, system CJK fonts, compact controls for a desktop window, and a
// focus ring that a keyboard user can see on every control.
import { createTheme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';

export const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", sans-serif';

export const FOCUS_COLOR = '#1f5fa8';

/** MUI's own focus cue is a faint ripple; a clerk working by keyboard needs a clear outline. */
const focusRing = { outline: `2px solid ${FOCUS_COLOR}`, outlineOffset: 2 };

export const theme = createTheme(
  {
    typography: { fontFamily: FONT_STACK, fontSize: 14, button: { textTransform: 'none' } },
    palette: { primary: { main: FOCUS_COLOR }, background: { default: '#f5f6f8' } },
    components: {
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      // Items of the section navigation sit flush in a scrolling column: draw the ring inside.
      MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible': { ...focusRing, outlineOffset: -2 } } } },
      // The switch's own base is clipped by its track: ring the whole switch instead.
      MuiSwitch: {
        styleOverrides: {
          root: { borderRadius: 12, '&:has(.Mui-focusVisible)': focusRing },
          switchBase: { '&.Mui-focusVisible': { outline: 'none' } },
        },
      },
      MuiLink: { styleOverrides: { root: { '&.Mui-focusVisible, &:focus-visible': focusRing } } },
      // Fields on the grey page background would otherwise look disabled.
      MuiOutlinedInput: { styleOverrides: { root: { backgroundColor: '#fff' } } },
    },
  },
  zhCN,
);
