import http from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export type Headers = Record<string, string>;

/**
 * JSON over keep-alive HTTP/1.1 with a bounded pool of sockets, as a reverse proxy in front of the
 * service would hold: a burst of requests queues in the pool rather than opening a socket each.
 */
export function httpClient(baseUrl: string, maxSockets = 256) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);

  function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Headers = {},
  ): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: {
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: parse(text) });
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A keep-alive socket the service closed for idleness just as this request went out on it
        // resets it: sent again on a fresh socket, as a browser does (the service answers a
        // command's id as the first time, so a command counts once either way).
        if (req.reusedSocket && error.code === 'ECONNRESET') {
          request(method, path, body, headers).then(resolve, reject);
        } else {
          reject(error);
        }
      });
      req.end(payload);
    });
  }

  return {
    request,
    get: (path: string, headers?: Headers) => request('GET', path, undefined, headers),
    post: (path: string, body: unknown, headers?: Headers) => request('POST', path, body, headers),
    close: () => {
      agent.destroy();
    },
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Runs `work` over `items` with at most `limit` under way at once; results in the items' order. */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
