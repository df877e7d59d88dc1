// The Chinese sentences the store tells the user when it had to repair something.

/** 2025年1月30日 21:14, in local time. */
export function formatLocalTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const notices = {
  reportRestored: (name: string, backupAt: Date, asidePath: string) =>
    `报告“${name}”的文件已损坏，已自动恢复到 ${formatLocalTime(backupAt)} 的备份。损坏的文件已另存为 ${asidePath}。`,
  reportMissingRestored: (name: string, backupAt: Date) =>
    `报告“${name}”的文件找不到了，已自动恢复到 ${formatLocalTime(backupAt)} 的备份。`,
  reportLost: (name: string, asidePath: string) =>
    `报告“${name}”的文件已损坏，且没有可用的备份，无法自动恢复，已从列表中移除。损坏的文件已另存为 ${asidePath}，请联系技术人员处理。`,
  reportMissingLost: (name: string) => `报告“${name}”的文件找不到了，且没有可用的备份，已从列表中移除。`,
  indexRestored: (backupAt: Date, asidePath: string) =>
    `报告列表文件已损坏，已自动恢复到 ${formatLocalTime(backupAt)} 的备份，并按各报告文件核对了内容。损坏的文件已另存为 ${asidePath}。`,
  indexRebuilt: (asidePath: string) =>
    `报告列表文件已损坏，且没有可用的备份，已根据各报告文件重新建立列表（改过的报告名称可能需要重新填写）。损坏的文件已另存为 ${asidePath}。`,
  reportShownFromBackup: (name: string, backupAt: Date) =>
    `报告“${name}”的文件已损坏，数据文件夹不能写入，暂按 ${formatLocalTime(backupAt)} 的备份显示；损坏的文件没有移动。`,
  reportNotSetAside: (name: string, path: string, why: string) =>
    `报告“${name}”的文件已损坏，而且无法移到一旁（${why}），本次不显示这份报告。文件仍在 ${path}，没有删除；请检查文件夹权限后重新启动，或联系技术人员处理。`,
  reportUnreadable: (name: string, why: string) => `报告“${name}”暂时无法读取：${why}`,
  indexNotSetAside: (path: string, why: string) =>
    `报告列表文件已损坏，而且无法移到一旁（${why}），已按备份和各报告文件临时列出报告。文件仍在 ${path}。`,
  orphansFound: (names: string[]) =>
    `找到 ${names.length} 份未在列表中的报告（可能是上次异常退出所致），已加回列表：${names.join('、')}。`,
};
