import { z } from 'zod';

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  AUTH_MODE: z.enum(['entra', 'dev']).default('dev'),
  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  ENTRA_APP_ID_URI: z.string().min(1).optional(),
  ENTRA_ALLOWED_TENANTS: commaList.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(50_000_000).default(1_000_000),
  /** A council file to load once at start (the demo council for `npm start`). */
  DEMO_COUNCIL: z.string().min(1).optional(),
  TAB_DIR: z.string().min(1).optional(),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Reads the environment once at boot, listing every problem at once; the result is frozen. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (env.AUTH_MODE === 'entra' && !env.ENTRA_CLIENT_ID) {
    problems.push('ENTRA_CLIENT_ID: required when AUTH_MODE=entra');
  }
  if (!parsed.success || problems.length > 0) {
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return Object.freeze(parsed.data);
}
