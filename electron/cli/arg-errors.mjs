// Node's option parser (util.parseArgs) speaks English ("Unknown option '--x'"): this says the
// same in Chinese, for the command line (nianbao …) and the start script (npm start). Plain
// JavaScript so that scripts/start.mjs can use it before anything is built.

/**
 * The Chinese sentence for an error thrown by util.parseArgs.
 * @param {unknown} e
 * @param {string} [valueName] what the options take, e.g. 文件名 (default: 一个值)
 * @returns {string}
 */
export function argErrorMessage(e, valueName = '一个值') {
  const code = /** @type {{ code?: string }} */ (e)?.code ?? '';
  const text = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^'\s,]+)/.exec(text)?.[1] ?? '';
  const positional = /argument '([^']*)'/.exec(text)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 ${option || '（无法识别）'}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(text) ? `选项 ${option} 后面缺少${valueName}` : `选项 ${option} 不需要写值`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数“${positional}”`;
    default:
      return '参数有误';
  }
}
