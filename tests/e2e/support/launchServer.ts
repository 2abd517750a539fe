/**
 * The city endpoint as the browser tests run it: the same startServer that
 * `npm start` runs (environment → store → HTTP → admin socket), serving the
 * build named by STATIC_DIR instead of dist/, so a test can deploy build A
 * and then build B. Stops on SIGTERM like the real server.
 */
import { readEnv } from '../../../src/server/config.ts';
import { startServer } from '../../../src/server/main.ts';

const staticDir = process.env.STATIC_DIR;
if (!staticDir) {
  process.stderr.write('STATIC_DIR must name a built app\n');
  process.exit(2);
}
const running = await startServer(readEnv(process.env), { staticDir, print: () => {} });
process.stdout.write(`listening ${running.address}\n`);
const stop = () =>
  running.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
