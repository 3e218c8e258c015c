import { connect, type Socket } from 'node:net';

/** A RESP2 reply: simple or bulk string, integer, nil, array, or an error reply. */
export type RespReply = string | number | null | RespReply[] | RespError;

/** An error reply from the server (`-ERR ...`). */
export class RespError extends Error {}

const crlf = '\r\n';

/**
 * A minimal Redis client on node:net, for tests that talk to a real redis-server: commands go out
 * as RESP arrays of bulk strings, replies are parsed in order and settle the commands' promises
 * first in, first out. No dependency, no reconnection, no pipelining beyond what the caller does.
 *
 * @example
 * const client = await RespClient.connect(6379);
 * await client.command('SET', 'k', 'v');
 */
export class RespClient {
  private buffer = '';
  private readonly waiting: { resolve: (reply: RespReply) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.receive(chunk));
    const fail = (error: Error) => {
      this.failure = error;
      for (const { reject } of this.waiting.splice(0)) reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('redis: the connection closed')));
  }

  /** Connects to 127.0.0.1:port; rejects when nothing listens there. */
  static connect(port: number, host = '127.0.0.1'): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        resolve(new RespClient(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends one command; resolves with its reply, rejects with a RespError for an error reply. */
  command(...args: string[]): Promise<RespReply> {
    if (this.failure) return Promise.reject(this.failure);
    let text = `*${args.length}${crlf}`;
    for (const arg of args) text += `$${Buffer.byteLength(arg, 'latin1')}${crlf}${arg}${crlf}`;
    this.socket.write(text, 'latin1');
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (reply) => (reply instanceof RespError ? reject(reply) : resolve(reply)),
        reject,
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let offset = 0;
    for (;;) {
      const parsed = parseReply(this.buffer, offset);
      if (parsed === null) break;
      offset = parsed.end;
      this.waiting.shift()?.resolve(parsed.reply);
    }
    this.buffer = this.buffer.slice(offset);
  }
}

/** Parses one reply starting at `start`, or returns null when the buffer does not hold all of it. */
function parseReply(text: string, start: number): { reply: RespReply; end: number } | null {
  const lineEnd = text.indexOf(crlf, start);
  if (lineEnd < 0) return null;
  const type = text[start];
  const line = text.slice(start + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { reply: line, end: next };
    case '-':
      return { reply: new RespError(line), end: next };
    case ':':
      return { reply: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { reply: null, end: next };
      if (text.length < next + length + 2) return null;
      return { reply: text.slice(next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { reply: null, end: next };
      const items: RespReply[] = [];
      let end = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(text, end);
        if (item === null) return null;
        items.push(item.reply);
        end = item.end;
      }
      return { reply: items, end };
    }
    default:
      throw new Error(`redis: unexpected reply ${JSON.stringify(text.slice(start, start + 40))}`);
  }
}
