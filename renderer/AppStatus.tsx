// What the app says once at start (appInfo): the notices of a repaired store, and the lasting
// banner of a data folder that cannot be written.
import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../shared/api';
import { api } from './api/client';

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    api
      .appInfo()
      .then(setInfo)
      .catch(() => {}); // the start page says why the service cannot be reached
  }, []);
  return info;
}

/** Stays on every page while the data folder is read-only. */
export function ReadOnlyBanner({ info }: { info: AppInfo | null }) {
  if (!info?.readOnly) return null;
  return (
    <Alert severity="warning" role="status" data-testid="read-only-banner" sx={{ borderRadius: 0, py: 0 }}>
      数据文件夹“{info.dataDir}
      ”不能写入，已以只读方式打开：修改不会保存。需要保存时，请检查文件夹权限后重新启动，或把报告另存为报告文件。
    </Alert>
  );
}
