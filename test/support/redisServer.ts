import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { RespClient } from './respClient';

/** The redis-server on PATH (or in /usr/bin, /usr/local/bin), or null when there is none. */
export function findRedisServer(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    if (dir === '') continue;
    const path = join(dir, 'redis-server');
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** A port nothing listens on right now, as the system hands out for port 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface RedisServer {
  port: number;
  client: RespClient;
  /** Reads one field of INFO (e.g. used_memory, evicted_keys) as a number. */
  info(field: string): Promise<number>;
  /** Ends the server (the process this started) and the connection. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway redis-server on 127.0.0.1 on a free port, with no persistence (no RDB
 * snapshots, no AOF), so that nothing forks or writes to disk during a measurement, and connects.
 */
export async function startRedisServer(binary: string): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--logfile', ''],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let client: RespClient | null = null;
  for (let attempt = 0; attempt < 100 && client === null; attempt++) {
    if (child.exitCode !== null) break;
    client = await RespClient.connect(port).catch(() => null);
    if (client === null) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (client === null) {
    child.kill('SIGKILL');
    throw new Error(`redis-server did not start on port ${port}: ${stderr.trim() || 'no message'}`);
  }
  const connected = client;
  return {
    port,
    client: connected,
    async info(field: string) {
      const text = String(await connected.command('INFO', 'everything'));
      const match = new RegExp(`^${field}:(\\S+)`, 'm').exec(text);
      if (!match) throw new Error(`redis INFO has no field ${field}`);
      return Number(match[1]);
    },
    async stop() {
      connected.close();
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
