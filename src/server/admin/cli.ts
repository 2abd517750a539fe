/**
 * npm run admin -- <command>: the operator's tool.
 *
 *   create-coordinator <username>   password from COORDINATOR_PASSWORD, else asked on the terminal
 *   pairing-code                    prints a fresh single-use pairing code (valid 24 h)
 *   devices                         lists the paired tablets
 *   revoke <deviceId>               revokes a tablet's token
 *   add-point <id> <name…>          adds a Digibank point
 *   import <file>                   imports a tablet's rescue file
 *
 * Honours DATA_DIR and DATABASE_URL like the server. With PGlite the running
 * server owns DATA_DIR, so the CLI asks it over the admin socket and opens
 * the database itself only when no server runs. Exits non-zero with a
 * one-line reason when something cannot be done.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { adminSocketPath, ConfigError, DEFAULT_APP_CONFIG, readEnv } from '../config.ts';
import { openStore } from '../store/open.ts';
import { askServer } from './channel.ts';
import { type AdminReply, type AdminRequest, runAdminCommand } from './commands.ts';
import { askHidden } from './prompt.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks for a secret on the terminal; undefined when there is no terminal. */
  askSecret?: ((question: string) => Promise<string>) | undefined;
}

const USAGE = `usage: npm run admin -- <command>
  create-coordinator <username>   (password from COORDINATOR_PASSWORD or asked)
  pairing-code
  devices
  revoke <deviceId>
  add-point <id> <name>
  import <rescue-file.json>`;

class UsageError extends Error {}

async function password(env: NodeJS.ProcessEnv, io: CliIo): Promise<string> {
  if (env.COORDINATOR_PASSWORD) return env.COORDINATOR_PASSWORD;
  if (!io.askSecret) throw new UsageError('set COORDINATOR_PASSWORD or run this in a terminal to type the password');
  const first = await io.askSecret('password (at least 12 characters): ');
  const again = await io.askSecret('the same password again: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}

async function parse(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<AdminRequest> {
  const [command, ...args] = argv;
  const need = (count: number, what: string) => {
    if (args.length < count) throw new UsageError(`${command} needs ${what}`);
  };
  switch (command) {
    case 'create-coordinator':
      need(1, 'a username');
      return { command, username: args[0] as string, password: await password(env, io) };
    case 'pairing-code':
    case 'devices':
      return { command };
    case 'revoke':
      need(1, 'a device id (see: npm run admin -- devices)');
      return { command, deviceId: args[0] as string };
    case 'add-point':
      need(2, 'an id and a name, e.g. add-point predikheren "Het Predikheren"');
      return { command, id: args[0] as string, name: args.slice(1).join(' ') };
    case 'import': {
      need(1, 'the path of a rescue file');
      let text: string;
      try {
        text = await readFile(args[0] as string, 'utf8');
      } catch {
        throw new UsageError(`cannot read ${args[0]}`);
      }
      try {
        return { command, file: JSON.parse(text) as unknown };
      } catch {
        throw new UsageError(`${args[0]} is not JSON: is it a rescue file saved by a tablet?`);
      }
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

async function runDirect(env: NodeJS.ProcessEnv, request: AdminRequest): Promise<AdminReply> {
  const config = readEnv(env);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await runAdminCommand(
      {
        store,
        now: () => new Date(),
        random: (size) => randomBytes(size),
        passwordCost: DEFAULT_APP_CONFIG.passwordCost,
        pairingCodeTtlMs: DEFAULT_APP_CONFIG.pairingCodeTtlMs,
      },
      request,
    );
  } finally {
    await store.close();
  }
}

/** Runs one admin command; returns the process exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    const request = await parse(argv, env, io);
    const config = readEnv(env);
    const reply =
      (config.databaseUrl ? null : await askServer(adminSocketPath(config.dataDir), request)) ?? (await runDirect(env, request));
    if (!reply.ok) {
      io.err(`error: ${reply.output}`);
      return 1;
    }
    io.out(reply.output);
    if (reply.notice) io.err(reply.notice);
    return 0;
  } catch (error) {
    // Usage and configuration mistakes exit 2, failures of the work itself 1.
    io.err(`error: ${(error as Error).message}`);
    return error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    askSecret: process.stdin.isTTY ? askHidden : undefined,
  });
  process.exit(code);
}
