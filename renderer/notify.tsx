// One snackbar for the whole app: short Chinese messages, with an optional action button.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type NotifyLevel = 'error' | 'warning' | 'info' | 'success';

export interface NotifyOptions {
  action?: { label: string; onClick(): void };
}

type Notify = (message: string, level?: NotifyLevel, options?: NotifyOptions) => void;

const Ctx = createContext<Notify>(() => {});

export function useNotify(): Notify {
  return useContext(Ctx);
}

interface Item {
  n: number;
  message: string;
  level: NotifyLevel;
  options?: NotifyOptions;
}

let seq = 0;

export function NotifyProvider({ children }: { children: ReactNode }) {
  const [item, setItem] = useState<Item | null>(null);
  const [open, setOpen] = useState(false);
  const notify = useCallback<Notify>((message, level = 'info', options) => {
    setItem({ n: ++seq, message, level, options });
    setOpen(true);
  }, []);
  const value = useMemo(() => notify, [notify]);
  const close = (_?: unknown, reason?: string) => {
    if (reason !== 'clickaway') setOpen(false);
  };
  return (
    <Ctx.Provider value={value}>
      {children}
      <Snackbar
        key={item?.n}
        open={open && !!item}
        onClose={close}
        autoHideDuration={item?.level === 'error' ? 12000 : item?.options?.action ? 10000 : 6000}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        <Alert
          severity={item?.level ?? 'info'}
          variant="filled"
          onClose={() => close()}
          role={item?.level === 'error' || item?.level === 'warning' ? 'alert' : 'status'}
          data-testid="notice"
          action={
            item?.options?.action ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  item.options!.action!.onClick();
                  close();
                }}
              >
                {item.options.action.label}
              </Button>
            ) : undefined
          }
          sx={{ maxWidth: 720, alignItems: 'center' }}
        >
          {item?.message}
        </Alert>
      </Snackbar>
    </Ctx.Provider>
  );
}
