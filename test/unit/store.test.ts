import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRASH_DAYS, UserError } from '../../shared/api';
import { emptyReport, type Report } from '../../shared/report';
import { openStore } from '../../electron/services/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function report(org = '县教育局', year = 2024): Report {
  return emptyReport(org, year);
}

describe('store: reports', () => {
  it('creates, lists, opens, saves and keeps the data across reopening', async () => {
    const store = await openStore({ dataDir: dir });
    expect(await store.list()).toEqual([]);
    const { id } = await store.create(report());
    const r = await store.read(id);
    expect(r.org).toBe('县教育局');
    r.applications.newReceived.natural = 7;
    r.preamble = '修改后的前言';
    await store.save(id, r);

    const again = await openStore({ dataDir: dir });
    expect(again.notices).toEqual([]);
    const list = await again.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, name: '县教育局2024年度报告', org: '县教育局', year: 2024, format: '2021' });
    const back = await again.read(id);
    expect(back.applications.newReceived.natural).toBe(7);
    expect(back.preamble).toBe('修改后的前言');
  });

  it('keeps the default name in step with org and year until the user renames', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report('', 2024));
    expect((await store.list())[0].name).toBe('未填写机关2024年度报告');
    await store.save(id, report('县财政局', 2024));
    expect((await store.list())[0].name).toBe('县财政局2024年度报告');
    await store.rename(id, '  财政局年报（终稿）  ');
    await store.save(id, report('县财政局', 2025));
    const [s] = await store.list();
    expect(s.name).toBe('财政局年报（终稿）');
    expect(s.year).toBe(2025);
  });

  it('rejects an invalid report with a Chinese message and writes nothing', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report());
    const before = await readFile(store.reportPath(id), 'utf8');
    const bad = { ...report(), year: '去年' };
    await expect(store.save(id, bad)).rejects.toThrow(UserError);
    await expect(store.save(id, bad)).rejects.toThrow(/报告内容有误，未保存/);
    await expect(store.create({ hello: 1 })).rejects.toThrow(/不是年度报告/);
    expect(await readFile(store.reportPath(id), 'utf8')).toBe(before);
    expect(await store.list()).toHaveLength(1);
  });

  it('duplicates a report into an independent copy', async () => {
    const store = await openStore({ dataDir: dir });
    const r = report();
    r.applications.newReceived.natural = 3;
    const { id } = await store.create(r);
    const { id: copy } = await store.duplicate(id);
    expect(copy).not.toBe(id);
    const names = (await store.list()).map((s) => s.name).sort();
    expect(names).toEqual(['县教育局2024年度报告', '县教育局2024年度报告（副本）']);
    await store.duplicate(id); // a second copy gets a name of its own
    expect((await store.list()).map((s) => s.name)).toContain('县教育局2024年度报告（副本2）');
    const c = await store.read(copy);
    expect(c.applications.newReceived.natural).toBe(3);
    c.applications.newReceived.natural = 9;
    await store.save(copy, c);
    expect((await store.read(id)).applications.newReceived.natural).toBe(3);
  });

  it('answers an unknown id with a Chinese message', async () => {
    const store = await openStore({ dataDir: dir });
    await expect(store.read('nope')).rejects.toThrow(/找不到这份报告/);
  });
});

describe('store: trash', () => {
  it('moves a deleted report to the trash and restores it', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report());
    await store.remove(id);
    expect(await store.list()).toEqual([]);
    const trash = await store.listTrash();
    expect(trash).toHaveLength(1);
    expect(trash[0].deletedAt).toBeTruthy();
    await expect(store.read(id)).rejects.toThrow(/回收站/);
    await expect(store.save(id, report())).rejects.toThrow(/回收站/);

    await store.restore(id);
    expect(await store.listTrash()).toEqual([]);
    expect((await store.list()).map((s) => s.id)).toEqual([id]);
    expect((await store.read(id)).org).toBe('县教育局');
  });

  it(`purges the trash after ${TRASH_DAYS} days, and not before`, async () => {
    let now = new Date('2025-01-01T08:00:00Z');
    const clock = () => now;
    const store = await openStore({ dataDir: dir, now: clock });
    const { id } = await store.create(report());
    const { id: kept } = await store.create(report('县卫健委'));
    await store.remove(id);

    now = new Date(now.getTime() + (TRASH_DAYS - 1) * 86400000);
    expect((await store.listTrash()).map((s) => s.id)).toEqual([id]);

    now = new Date(now.getTime() + 2 * 86400000);
    const reopened = await openStore({ dataDir: dir, now: clock });
    expect(await reopened.listTrash()).toEqual([]);
    expect((await reopened.list()).map((s) => s.id)).toEqual([kept]);
    expect(await readdir(join(dir, 'reports'))).toEqual([`${kept}.json`]);
    expect(await readdir(join(dir, 'backups'))).not.toContain(id);
  });
});

describe('store: backups', () => {
  it('keeps the newest 10 versions one by one and the state before a burst of typing', async () => {
    const store = await openStore({ dataDir: dir });
    const r = report();
    const { id } = await store.create(r); // version 0
    for (let i = 1; i <= 21; i++) {
      r.applications.newReceived.natural = i;
      await store.save(id, r);
    }
    const backups = await store.listBackups(id);
    const ids = backups.map((b) => b.backupId);
    expect([...ids].sort().reverse()).toEqual(ids); // newest first, names sort by time
    const values: number[] = [];
    for (const b of backups) {
      const text = await readFile(join(store.backupDir(id), `${b.backupId}.json`), 'utf8');
      values.push(JSON.parse(text).applications.newReceived.natural ?? 0);
    }
    // 21, 20 … 12 one by one, then the oldest version of the burst (as created).
    expect(values).toEqual([...Array.from({ length: 10 }, (_, i) => 21 - i), 0]);
  });

  it('after hours of autosave keeps at most 20 versions reaching back hours, not one minute', async () => {
    let clock = Date.UTC(2025, 0, 30, 18, 0, 0);
    const store = await openStore({ dataDir: dir, now: () => new Date(clock) });
    const r = report();
    const { id } = await store.create(r);
    for (let i = 1; i <= 360; i++) {
      clock += 30_000; // an autosave every 30 seconds for three hours
      r.applications.newReceived.natural = i;
      await store.save(id, r);
    }
    const backups = await store.listBackups(id);
    expect(backups.length).toBeLessThanOrEqual(20);
    const newest = new Date(backups[0].savedAt).getTime();
    const oldest = new Date(backups[backups.length - 1].savedAt).getTime();
    expect(newest - oldest).toBeGreaterThan(2 * 60 * 60_000);
    const text = await readFile(join(store.backupDir(id), `${backups[0].backupId}.json`), 'utf8');
    expect(JSON.parse(text).applications.newReceived.natural).toBe(360);
  });

  it('does not write a version when an autosave brings no change', async () => {
    const store = await openStore({ dataDir: dir });
    const r = report();
    const { id } = await store.create(r);
    await store.save(id, r);
    await store.save(id, r);
    expect(await store.listBackups(id)).toHaveLength(1);
  });

  it('restores an older version as the current one, keeping the newer as a version', async () => {
    const store = await openStore({ dataDir: dir });
    const r = report();
    const { id } = await store.create(r);
    r.applications.newReceived.natural = 1;
    await store.save(id, r);
    r.applications.newReceived.natural = 2;
    await store.save(id, r);
    const [, older] = await store.listBackups(id);
    const { report: restored } = await store.restoreBackup(id, older.backupId);
    expect(restored.applications.newReceived.natural).toBe(1);
    expect((await store.read(id)).applications.newReceived.natural).toBe(1);
    const versions = await store.listBackups(id);
    expect(versions).toHaveLength(4);
    await expect(store.restoreBackup(id, '20000101T000000000Z')).rejects.toThrow(/找不到这个备份/);
  });
});

describe('store: recovery', () => {
  async function damagedFiles(sub: string): Promise<string[]> {
    return (await readdir(join(dir, sub))).filter((n) => n.includes('.damaged-'));
  }

  it('sets a damaged report aside, restores the newest good backup and says so in Chinese', async () => {
    const store = await openStore({ dataDir: dir });
    const r = report();
    const { id } = await store.create(r);
    r.applications.newReceived.natural = 42;
    await store.save(id, r);
    await writeFile(store.reportPath(id), '{"year": 2024, "applications": {"newRec'); // torn write by another tool

    const again = await openStore({ dataDir: dir });
    expect(again.notices).toHaveLength(1);
    expect(again.notices[0]).toMatch(
      /^报告“县教育局2024年度报告”的文件已损坏，已自动恢复到 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 的备份。损坏的文件已另存为 .+\.damaged-\d{8}T\d{9}Z。$/,
    );
    expect((await again.read(id)).applications.newReceived.natural).toBe(42);
    const aside = await damagedFiles('reports');
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, 'reports', aside[0]), 'utf8')).toContain('newRec');
    // Once repaired, the next start is quiet.
    expect((await openStore({ dataDir: dir })).notices).toEqual([]);
  });

  it('treats valid JSON that is not a report as damaged and skips damaged backups', async () => {
    const store = await openStore({ dataDir: dir });
    const r = report();
    const { id } = await store.create(r);
    r.applications.newReceived.natural = 5;
    await store.save(id, r);
    r.applications.newReceived.natural = 6;
    await store.save(id, r);
    const [newest] = await store.listBackups(id);
    await writeFile(join(store.backupDir(id), `${newest.backupId}.json`), 'garbage');
    await writeFile(store.reportPath(id), JSON.stringify({ year: 'x', applications: [] }));

    const again = await openStore({ dataDir: dir });
    expect(again.notices[0]).toMatch(/已损坏，已自动恢复到/);
    expect((await again.read(id)).applications.newReceived.natural).toBe(5);
  });

  it('recovers a report damaged while the app is running, when it is opened', async () => {
    const store = await openStore({ dataDir: dir });
    const r = report();
    r.applications.newReceived.natural = 8;
    const { id } = await store.create(r);
    await writeFile(store.reportPath(id), '\u0000\u0000\u0000');
    expect((await store.read(id)).applications.newReceived.natural).toBe(8);
    expect(store.notices[0]).toMatch(/已自动恢复到/);
  });

  it('sets a damaged report without backups aside and tells the user it could not be restored', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report());
    await rm(store.backupDir(id), { recursive: true });
    await writeFile(store.reportPath(id), 'not json');
    const again = await openStore({ dataDir: dir });
    expect(again.notices[0]).toMatch(/没有可用的备份，无法自动恢复.*另存为/);
    expect(await again.list()).toEqual([]);
    expect(await damagedFiles('reports')).toHaveLength(1);
  });

  it('restores a damaged report list from its backup and keeps names and the trash', async () => {
    const store = await openStore({ dataDir: dir });
    const { id: a } = await store.create(report('县教育局'));
    const { id: b } = await store.create(report('县卫健委'));
    await store.rename(a, '教育局年报');
    await store.remove(b);
    const r = report('县教育局');
    r.applications.newReceived.natural = 11;
    await store.save(a, r);
    await writeFile(store.indexPath, '{"version":1,"reports":[{"id":');

    const again = await openStore({ dataDir: dir });
    expect(again.notices).toHaveLength(1);
    expect(again.notices[0]).toMatch(/^报告列表文件已损坏，已自动恢复到 .* 的备份.*另存为 .*index\.json\.damaged-/);
    expect((await again.list()).map((s) => s.name)).toEqual(['教育局年报']);
    expect((await again.listTrash()).map((s) => s.id)).toEqual([b]);
    expect((await again.read(a)).applications.newReceived.natural).toBe(11);
    expect(await damagedFiles('.')).toHaveLength(1);
  });

  it('rebuilds the report list from the report files when it has no backup', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report('县交通局'));
    await rm(join(dir, 'backups', '.index'), { recursive: true });
    await writeFile(store.indexPath, 'x');
    const again = await openStore({ dataDir: dir });
    expect(again.notices.join('\n')).toMatch(/已根据各报告文件重新建立列表/);
    expect((await again.list()).map((s) => [s.id, s.name])).toEqual([[id, '县交通局2024年度报告']]);
  });

  it('lists a report file the index does not know (crash between the two writes)', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report('县水利局'));
    await writeFile(store.indexPath, JSON.stringify({ version: 1, reports: [] }));
    const again = await openStore({ dataDir: dir });
    expect(again.notices[0]).toMatch(/已加回列表：县水利局2024年度报告/);
    expect((await again.list()).map((s) => s.id)).toEqual([id]);
  });

  it('leaves a file saved by a newer version alone', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report());
    const newer = JSON.stringify({ ...report(), schemaVersion: 99 });
    await writeFile(store.reportPath(id), newer);
    const again = await openStore({ dataDir: dir });
    expect(again.notices).toEqual([]);
    await expect(again.read(id)).rejects.toThrow(/更新版本/);
    expect(await readFile(store.reportPath(id), 'utf8')).toBe(newer);
  });

  it('brings back a missing report file from its backup', async () => {
    const store = await openStore({ dataDir: dir });
    const { id } = await store.create(report());
    await unlink(store.reportPath(id));
    const again = await openStore({ dataDir: dir });
    expect(again.notices[0]).toMatch(/文件找不到了，已自动恢复到/);
    expect((await again.read(id)).org).toBe('县教育局');
  });
});
