// Compound files (legacy .doc/.xls, and password-protected Office files): a structural check
// before word-extractor sees the bytes. Its sector chains follow the allocation table blindly,
// so a cycle in a damaged file would loop until memory runs out; here every table is checked
// for cycles and every index for range, and the stream names tell what the file is.

export class CfbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CfbError';
  }
}

export interface CfbInfo {
  /** Names of the streams and storages in the root directory. */
  names: Set<string>;
}

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END = -2;
const FREE = -1;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

const i32 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);
const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);

/** Throws CfbError when following any chain of the table could loop. */
function assertAcyclic(table: Int32Array, what: string): void {
  const state = new Uint8Array(table.length); // 0 new, 1 on the current path, 2 done
  for (let s = 0; s < table.length; s++) {
    if (state[s]) continue;
    const path: number[] = [];
    let x = s;
    while (x >= 0 && x < table.length && state[x] === 0) {
      state[x] = 1;
      path.push(x);
      x = table[x];
    }
    if (x >= 0 && x < table.length && state[x] === 1) throw new CfbError(`${what}中有循环链（文件已损坏）`);
    for (const p of path) state[p] = 2;
  }
}

function chain(table: Int32Array, start: number, limit: number): number[] {
  const out: number[] = [];
  let x = start;
  while (x >= 0) {
    if (x >= table.length || out.length > limit) throw new CfbError('扇区链超出范围（文件已损坏）');
    out.push(x);
    x = table[x];
  }
  if (x !== END && x !== FREE) throw new CfbError('扇区链结尾无效（文件已损坏）');
  return out;
}

export function inspectCfb(bytes: Uint8Array): CfbInfo {
  if (!isCfb(bytes) || bytes.length < 512) throw new CfbError('文件头无效');
  const secShift = u16(bytes, 30);
  const miniShift = u16(bytes, 32);
  if ((secShift !== 9 && secShift !== 12) || miniShift !== 6) throw new CfbError('扇区大小无效（文件已损坏）');
  const sec = 1 << secShift;
  const nSectors = Math.floor((bytes.length - sec) / sec) + ((bytes.length - sec) % sec > 0 ? 1 : 0);
  if (nSectors <= 0) throw new CfbError('文件过短（不完整）');
  const fatSectors = i32(bytes, 44);
  const dirStart = i32(bytes, 48);
  const miniCutoff = i32(bytes, 56);
  const miniFatStart = i32(bytes, 60);
  const miniFatSectors = i32(bytes, 64);
  const difatStart = i32(bytes, 68);
  const difatSectors = i32(bytes, 72);
  if (
    fatSectors < 1 ||
    fatSectors > nSectors ||
    difatSectors < 0 ||
    difatSectors > nSectors ||
    miniFatSectors < 0 ||
    miniFatSectors > nSectors
  ) {
    throw new CfbError('分配表大小无效（文件已损坏）');
  }
  const sectorAt = (s: number) => {
    if (s < 0 || s >= nSectors) throw new CfbError('扇区编号超出文件（文件不完整或已损坏）');
    const o = (s + 1) * sec;
    return bytes.subarray(o, Math.min(bytes.length, o + sec));
  };
  // The sectors of the allocation table: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatList: number[] = [];
  for (let k = 0; k < 109 && fatList.length < fatSectors; k++) fatList.push(i32(bytes, 76 + k * 4));
  let d = difatStart;
  const seen = new Set<number>();
  while (fatList.length < fatSectors) {
    if (d < 0 || seen.has(d) || seen.size > difatSectors) throw new CfbError('分配表目录无效（文件已损坏）');
    seen.add(d);
    const s = sectorAt(d);
    for (let o = 0; o + 4 < sec && fatList.length < fatSectors; o += 4)
      fatList.push(o + 4 <= s.length ? i32(s, o) : FREE);
    d = s.length >= sec ? i32(s, sec - 4) : END;
  }
  const per = sec / 4;
  const fat = new Int32Array(fatSectors * per);
  fatList.forEach((s, k) => {
    const data = sectorAt(s);
    for (let o = 0; o < per; o++) fat[k * per + o] = o * 4 + 4 <= data.length ? i32(data, o * 4) : FREE;
  });
  assertAcyclic(fat, '分配表');
  const dirSectors = chain(fat, dirStart, nSectors);
  // Directory entries (128 bytes each).
  const entries: {
    name: string;
    type: number;
    left: number;
    right: number;
    child: number;
    start: number;
    size: number;
  }[] = [];
  for (const s of dirSectors) {
    const data = sectorAt(s);
    for (let o = 0; o + 128 <= data.length; o += 128) {
      const nameLen = Math.min(64, Math.max(0, u16(data, o + 64) - 2));
      let name = '';
      for (let k = 0; k + 1 < nameLen; k += 2) name += String.fromCharCode(u16(data, o + k));
      entries.push({
        name,
        type: data[o + 66],
        left: i32(data, o + 68),
        right: i32(data, o + 72),
        child: i32(data, o + 76),
        start: i32(data, o + 116),
        size: i32(data, o + 120),
      });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError('找不到根目录（文件已损坏）');
  for (const e of entries) {
    for (const link of [e.left, e.right, e.child]) {
      if (link !== FREE && (link < 0 || link >= entries.length)) throw new CfbError('目录项编号无效（文件已损坏）');
    }
  }
  // Walk the directory tree: every entry at most once; the root's own children give the names.
  const names = new Set<string>();
  const visited = new Uint8Array(entries.length);
  visited[0] = 1;
  const stack: { id: number; top: boolean }[] = [{ id: root.child, top: true }];
  while (stack.length) {
    const { id, top } = stack.pop()!;
    if (id === FREE) continue;
    if (visited[id]) throw new CfbError('目录树中有循环（文件已损坏）');
    visited[id] = 1;
    const e = entries[id];
    if (top) names.add(e.name);
    stack.push({ id: e.left, top }, { id: e.right, top });
    if (e.type === 1) stack.push({ id: e.child, top: false });
  }
  // Streams: big ones through the FAT, small ones through the mini FAT in the root's stream.
  const miniChain = root.start >= 0 ? chain(fat, root.start, nSectors) : [];
  let miniFat = new Int32Array(0);
  if (miniFatSectors > 0) {
    const mf = chain(fat, miniFatStart, nSectors);
    if (mf.length !== miniFatSectors) throw new CfbError('短扇区分配表大小不符（文件已损坏）');
    miniFat = new Int32Array(mf.length * per);
    mf.forEach((s, k) => {
      const data = sectorAt(s);
      for (let o = 0; o < per; o++) miniFat[k * per + o] = o * 4 + 4 <= data.length ? i32(data, o * 4) : FREE;
    });
    assertAcyclic(miniFat, '短扇区分配表');
  }
  const miniCount = (miniChain.length * sec) / 64;
  for (let id = 1; id < entries.length; id++) {
    const e = entries[id];
    if (!visited[id] || e.type !== 2) continue;
    if (e.size < 0 || e.size > bytes.length) throw new CfbError(`数据流“${e.name}”的大小无效（文件已损坏）`);
    if (e.size === 0) continue;
    if (e.size < miniCutoff) {
      const c = chain(miniFat, e.start, miniCount);
      if (c.some((x) => x >= miniCount)) throw new CfbError(`数据流“${e.name}”超出范围（文件已损坏）`);
    } else {
      chain(fat, e.start, nSectors).forEach(sectorAt);
    }
  }
  return { names };
}
