import { z } from 'zod';

const count = (fallback: number) =>
  z.coerce.number().int().min(1).max(10_000_000).default(fallback);

/**
 * The service's abuse limits, read with the rest of the configuration (bot/src/config.ts). The
 * defaults leave a council of 55 voting at once behind one office address far inside: each
 * member's tab makes a handful of requests per step, the chair a few commands a minute.
 */
export const limitSettings = {
  /** Requests per minute from one address, counted before sign-in (health probes and the bot's route aside). */
  RATE_LIMIT_ADDRESS_REQUESTS: count(12_000),
  /** Commands (and meetings created) per minute from one address. */
  RATE_LIMIT_ADDRESS_COMMANDS: count(6_000),
  /** Requests per minute of one signed-in person, on the tab's API or to the bot. */
  RATE_LIMIT_USER_REQUESTS: count(1_200),
  /** Commands per minute of one signed-in person. */
  RATE_LIMIT_USER_COMMANDS: count(600),
  /** Proxies in front of the service (Azure App Service: 1): the client is that many hops back in X-Forwarded-For. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Live streams open at once, per person and per meeting. */
  MAX_STREAMS_PER_USER: count(10),
  MAX_STREAMS_PER_MEETING: count(2_000),
  /** The public follow-along page: requests per minute from one address, and its live streams open at once per address and per meeting. */
  RATE_LIMIT_PUBLIC_REQUESTS: count(300),
  MAX_PUBLIC_STREAMS_PER_ADDRESS: count(50),
  MAX_PUBLIC_STREAMS_PER_MEETING: count(20_000),
  /** A live stream whose reader does not drain this much is closed (the tab reconnects and resumes). */
  STREAM_BUFFER_BYTES: count(1_000_000),
  /** A request (live streams aside) must arrive whole within this time. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  /** Members on a roster and items on an agenda (the schema's own bounds are for large assemblies). */
  MAX_ROSTER: count(500),
  MAX_AGENDA_ITEMS: count(200),
  MAX_MEETINGS_PER_TENANT: count(1_000),
  /** Memory the service spends on meetings' states, estimated from their event logs. */
  MEETING_CACHE_BYTES: count(256_000_000),
} as const;
