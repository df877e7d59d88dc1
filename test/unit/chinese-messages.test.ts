// No errno, English or raw option-parser text reaches a user: the command line and the API's
// argument checks answer in Chinese (the start script: start-script.test.ts).
import { describe, expect, it } from 'vitest';
import { apiArgs, validateArgs } from '../../shared/api';
import { INTERNAL_FAILURE, registerCommand } from '../../electron/cli/run';
import { runCaptured } from './helpers/cli';

const ENGLISH = /Unknown option|argument missing|does not take|Unexpected argument|Error:|Too small|expected/;

const cli = runCaptured;

describe('the command line', () => {
  it('answers `nianbao export --unknown` in Chinese with exit code 2', async () => {
    const r = await cli('export', '--unknown');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不认识的选项 --unknown');
    expect(r.err).toContain('用法');
    expect(r.err).not.toMatch(ENGLISH);
  });

  it('says which option lacks its value, and what is extra, for every command', async () => {
    const missing = await cli('export', 'a.json', '--docx');
    expect(missing.err).toContain('选项 --docx 后面缺少文件名');
    for (const argv of [
      ['import', '--jsn'],
      ['check', '--lst'],
      ['export', 'a.json', '--report-only=yes'],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/参数有误：/);
      expect(r.err).not.toMatch(ENGLISH);
    }
  });

  it('hides an unexpected failure behind a Chinese sentence', async () => {
    registerCommand('boom', async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const r = await cli('boom');
    expect(r).toMatchObject({ code: 2, err: `${INTERNAL_FAILURE}\n` });
  });
});

describe('the API’s argument checks', () => {
  it('say in Chinese what is wrong, never zod’s English', () => {
    const calls: [string, unknown][] = [
      ['saveReport', ['abc']],
      ['openReport', [123]],
      ['openReport', []],
      ['listVersions', [{}]],
      ['readFile', [{ name: 'x.docx' }]],
    ];
    for (const [method, args] of calls) {
      const r = validateArgs(apiArgs, method, args);
      expect(r.ok).toBe(false);
      const error = (r as { error: string }).error;
      expect(error).toMatch(/^操作“\w+”的参数无效：[^A-Za-z]*$/);
    }
  });
});
