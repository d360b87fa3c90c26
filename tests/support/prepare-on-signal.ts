/**
 * Test helper, one process of tests/integration/concurrent-start.test.ts: loads everything
 * `npm start` runs before serving, says "ready", waits for "go" on stdin (so several
 * processes start preparing at the same moment), runs scripts/prepare.ts's prepare(), and
 * prints a fingerprint of the secrets it ended up with.
 */
import { createHash } from 'node:crypto';
import { prepare } from '../../scripts/prepare';
import { resetEnvCache, secrets } from '@/lib/env';

process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  try {
    await prepare();
    resetEnvCache();
    const fingerprint = createHash('sha256').update(JSON.stringify(secrets())).digest('hex').slice(0, 16);
    process.stdout.write(`secrets ${fingerprint}\n`);
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
});
