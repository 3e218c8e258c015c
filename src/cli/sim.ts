/**
 * `npm run sim`: run a scenario headlessly or replay a trace. See docs/cli.md, or run with --help.
 * The work is in simMain.ts so that tests can call it without spawning a process.
 */
import { nodeSimIo } from './nodeSimIo';
import { main } from './simMain';

// Piped into `head` or a pager that quits early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), nodeSimIo);
