// npm start [-- --web] [--port N] [--no-open] [--data-dir DIR]
// Builds what is missing or out of date, then opens the Electron window; where no Electron
// runtime is installed (or with --web) serves the same app on 127.0.0.1 (browser mode).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { argErrorMessage } from '../electron/cli/arg-errors.mjs';
import { build, isStale, root } from './build.mjs';

const USAGE = `用法：npm start -- [--web] [--port 端口] [--no-open] [--data-dir 数据文件夹]
  --web        浏览器模式（不用 Electron）
  --port N     浏览器模式的端口，默认 5173
  --no-open    不自动打开浏览器
  --data-dir   数据文件夹`;
const DEFAULT_PORT = 5173;

/** Details for a technician (stack traces are English): shown only with NIANBAO_DEBUG=1. */
const DEBUG_HINT = '设置环境变量 NIANBAO_DEBUG=1 后重新启动，可看到供技术人员排查的详细信息。';
function debug(e) {
  if (process.env.NIANBAO_DEBUG) console.error(e instanceof Error ? e.stack : e);
}

function fail(message, code = 2) {
  console.error(message);
  process.exit(code);
}

function options() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        web: { type: 'boolean' },
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    let port = null;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        fail(`端口“${values.port}”无效：应为 1–65535 之间的整数。\n${USAGE}`);
    }
    return {
      web: !!values.web,
      port,
      open: !values['no-open'],
      dataDir: values['data-dir'] ? resolve(values['data-dir']) : null,
    };
  } catch (e) {
    return fail(`参数有误：${argErrorMessage(e)}。\n${USAGE}`);
  }
}

/** The Electron executable, when its runtime was downloaded (require('electron') gives its path). */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function openBrowser(url) {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('没能自动打开浏览器，请在浏览器中打开上面的完整地址。'));
    child.unref();
  } catch {
    console.log('没能自动打开浏览器，请在浏览器中打开上面的完整地址。');
  }
}

function runElectron(bin, opts) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = [root, ...(opts.dataDir ? ['--data-dir', opts.dataDir] : [])];
  const child = spawn(bin, args, { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(sig);
    process.on(sig, () => child.kill(sig));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runBrowser(opts, reason) {
  const { startWebHost, defaultDataDir } = await import(pathToFileURL(join(root, 'dist', 'web-host.mjs')).href);
  const dataDir = opts.dataDir ?? defaultDataDir();
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const rendererDir = join(root, 'dist', 'renderer');
  // A port given on the command line must be that port; the default moves on when it is taken.
  const ports = opts.port ? [opts.port] : Array.from({ length: 20 }, (_, i) => DEFAULT_PORT + i);
  for (const port of ports) {
    try {
      host = await startWebHost({ port, host: '127.0.0.1', dataDir, rendererDir, version });
      break;
    } catch (e) {
      if (e?.code !== 'EADDRINUSE') {
        debug(e);
        const msg =
          e?.name === 'UserError' ? e.message : `程序内部出错。请重新启动；如果问题依旧，请联系技术人员。${DEBUG_HINT}`;
        return fail(`无法启动浏览器模式：${msg}`, 1);
      }
    }
  }
  if (!host) {
    return fail(
      opts.port
        ? `端口 ${opts.port} 已被占用。请换一个端口，例如：npm start -- --web --port ${opts.port + 1}`
        : `端口 ${DEFAULT_PORT}–${DEFAULT_PORT + 19} 都已被占用，请用 --port 指定一个端口。`,
      1,
    );
  }
  // The address carries this launch's secret: only who sees it (the clerk) can use the app.
  console.log(`浏览器模式：${host.url}${reason ? ' （未找到 Electron 运行时）' : ''}`);
  console.log('请用上面的完整地址打开（含 ?key=，每次启动都不同，不要发给别人）。');
  console.log(`数据文件夹：${dataDir}`);
  const info = await host.service.appInfo();
  if (info.readOnly) console.log('提示：数据文件夹不能写入，已以只读方式打开，修改不会保存。');
  for (const n of info.notices) console.log(`提示：${n}`);
  console.log('按 Ctrl+C 退出。');
  if (opts.open) openBrowser(host.url);
}

/** Browser mode's server, once started; closed (pending saves written) before the process ends. */
let host = null;
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await host?.close().catch(() => {});
  process.exit(0);
}

// The last resort: an error nobody caught is told in Chinese (its details follow for a technician).
// Once browser mode serves, it keeps running, so the page's next save still lands; before, the
// start has failed.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (e) => {
    console.error(
      host
        ? `公开年报遇到了意外错误，刚才的操作可能没有完成；已保存的报告不受影响。${DEBUG_HINT}`
        : `公开年报没能启动：程序内部出错。${DEBUG_HINT}`,
    );
    debug(e);
    if (!host) process.exit(1);
  });
}

const opts = options();
// Registered before building, so that Ctrl+C also works while the build runs.
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const stale = isStale();
if (stale.renderer || stale.node) {
  try {
    await build(stale);
  } catch (e) {
    debug(e);
    fail(`构建失败，无法启动。请运行 npm ci 后重试。${DEBUG_HINT}`, 1);
  }
}
const electron = opts.web ? null : electronBinary();
if (electron) runElectron(electron, opts);
else await runBrowser(opts, !opts.web);
