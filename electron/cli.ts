// nianbao: the command line over the same services as the app.
//   nianbao check FILE [--json] [--last LASTFILE]
//   nianbao import FILE [--json] [--last LASTFILE]
//   nianbao export FILE --docx OUT.docx --xlsx OUT.xlsx [--report-only]
//   nianbao ledger LEDGER.xlsx --year 2024 [--json]
// Exit codes: 0 no error finding, 1 error findings, 2 unreadable input or bad usage.
import { runCli } from './cli/run';

const code = await runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
process.exitCode = code;
