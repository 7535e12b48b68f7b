/** A minimal Server-Sent Events reader over fetch, as the tab reads the stream (with a bearer token). */
export interface Received {
  readonly id: number;
  readonly type: string;
}

export async function readStream(
  url: string,
  token: string,
  options: {
    lastEventId?: number;
    until: (events: Received[]) => boolean;
    timeoutMs?: number;
    /** Ends the reading early, as closing the tab does. */
    signal?: AbortSignal;
    /** Each message's data as it came, for tests that read more than its type. */
    onData?: (id: number, data: string) => void;
    /** The service ended the stream, with the reason its last `end` event gave, if any. */
    onEnd?: (reason: string | undefined) => void;
  },
): Promise<Received[]> {
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => {
    controller.abort();
  });
  const timer = setTimeout(() => {
    controller.abort();
  }, options.timeoutMs ?? 10_000);
  const events: Received[] = [];
  try {
    const response = await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.lastEventId ? { 'last-event-id': String(options.lastEventId) } : {}),
      },
      signal: controller.signal,
    });
    if (!response.body) throw new Error(`no stream: ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    let endReason: string | undefined;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        options.onEnd?.(endReason);
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: end$/m.test(block) && data) {
          endReason = (JSON.parse(data) as { reason?: string }).reason;
        }
        if (id && data) {
          options.onData?.(Number(id), data);
          events.push({ id: Number(id), type: (JSON.parse(data) as { type: string }).type });
        }
        end = buffer.indexOf('\n\n');
      }
      if (options.until(events)) break;
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
