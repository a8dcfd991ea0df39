import { runAction } from './run-action.js';
import { workflowCommand } from './workflow-commands.js';

/**
 * Entry of the GitHub Action (action.yml runs `node dist/action/main.js`).
 * An unexpected error still ends as one `::error::` line and exit code 1,
 * with its message only: a stack or an error object could carry the request
 * and its token.
 */
try {
  process.exitCode = await runAction({ env: process.env, write: (line) => process.stdout.write(`${line}\n`) });
} catch (error) {
  process.stdout.write(`${workflowCommand('error', `Design review stopped: ${error instanceof Error ? error.message : String(error)}`)}\n`);
  process.exitCode = 1;
}
