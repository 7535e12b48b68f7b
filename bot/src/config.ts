import { z } from 'zod';
import { isLoopbackHost } from './auth/loopback';
import { databaseRoleProblems } from './store/roles';
import { productionProblems } from './production';
import { limitSettings } from './limits/settings';

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** An empty variable (as `KEY=` in an env file) counts as unset. */
const optionalText = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().trim().min(1).optional(),
);

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url().optional(),
  /** The schema's owner: migrates and grants DATABASE_URL's role, which then runs no DDL. */
  DATABASE_MIGRATION_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The service's address as Teams and people reach it (https://council.example.be): the trustees'
   * Teams dialog and the links the service gives out. Unset in local mode: the loopback address the
   * request names (local mode takes requests on loopback only).
   */
  PUBLIC_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  AUTH_MODE: z.enum(['entra', 'dev']).default('dev'),
  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  ENTRA_APP_ID_URI: z.string().min(1).optional(),
  ENTRA_ALLOWED_TENANTS: commaList.optional(),
  ENTRA_ALLOWED_CLIENT_APPS: commaList.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Object ids who may create meeting records besides holders of the secretariat app role. */
  MEETING_CREATORS: commaList.default([]),
  /** Whether every member of the tenant sees convened meetings in their lists, not only the roster. */
  LIST_CONVENED_MEETINGS: z.stringbool().default(false),
  /**
   * Where item documents may link: the council's SharePoint and OneDrive hosts (for example
   * contoso.sharepoint.com,contoso-my.sharepoint.com). None set: no document can be attached.
   */
  DOCUMENT_HOSTS: commaList.default([]),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(50_000_000).default(1_000_000),
  ...limitSettings,
  /** Worker threads that typeset minutes PDFs, minutes waiting for them, PDFs kept ready (bytes). */
  MINUTES_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  MINUTES_QUEUE: z.coerce.number().int().min(0).max(1_000).default(32),
  MINUTES_CACHE_BYTES: z.coerce.number().int().min(0).max(2_000_000_000).default(64_000_000),
  /**
   * Worker threads checking sealed ballots' proofs (one per core unless set), and the ballots
   * waiting for them at most (about five seconds of checks on two cores): one more is refused at
   * once with RATE_LIMITED (429, Retry-After) and changes nothing.
   */
  PROOF_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  PROOF_QUEUE: z.coerce.number().int().min(0).max(1_000_000).default(4_000),
  /** The local seal certificate of the minutes, generated at first use (git-ignored, mode 0600). */
  MINUTES_SEAL_FILE: z.string().min(1).default('./.seal/minutes-seal.json'),
  /** In Azure: the Key Vault and the name of the certificate the minutes are sealed with. */
  MINUTES_SEAL_VAULT_URL: z.url().optional(),
  MINUTES_SEAL_CERTIFICATE: z.string().min(1).max(127).optional(),
  /** A council file to load once at start (the demo council for `npm start`). */
  DEMO_COUNCIL: z.string().min(1).optional(),
  TAB_DIR: z.string().min(1).optional(),
  /** The bot's Entra app (SingleTenant) or managed identity's client id (UserAssignedMSI). */
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  /**
   * The app's id in the tenant's Teams app catalog: with it (and the optional Graph permission
   * TeamsAppInstallation.ReadWriteSelfForUser.All) the bot installs itself for a convened member
   * whose chat it cannot open. Unset: such members are listed for the secretariat.
   */
  TEAMS_APP_CATALOG_ID: optionalText,
  /** Where the key that seals the service's trustee secret lives: a file (32 bytes, base64)… */
  SEALED_BOX_KEY_FILE: optionalText,
  /** …or an RSA key in Azure Key Vault (wrapKey/unwrapKey with the managed identity). */
  SEALED_BOX_KEY_VAULT_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^https$/ }).optional(),
  ),
  SEALED_BOX_KEY_NAME: z.string().min(1).default('sealed-box'),
  /** The managed identity's client id (user-assigned) that signs in to Key Vault. */
  AZURE_CLIENT_ID: optionalText,
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Rules across variables, checked on the raw environment so they are listed with the others. */
function crossProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  if (env.AUTH_MODE === 'entra' && !set('ENTRA_CLIENT_ID')) {
    problems.push('ENTRA_CLIENT_ID: required when AUTH_MODE=entra');
  }
  problems.push(...databaseRoleProblems(env.DATABASE_URL, env.DATABASE_MIGRATION_URL));
  if (set('SEALED_BOX_KEY_FILE') && set('SEALED_BOX_KEY_VAULT_URL')) {
    problems.push('SEALED_BOX_KEY_FILE, SEALED_BOX_KEY_VAULT_URL: set one key source, not both');
  }
  if (!set('MicrosoftAppId')) {
    // Without an app id the bot takes activities without Bot Framework auth: anyone who can reach
    // /api/messages could speak for any member.
    if (!isLoopbackHost(env.HOST ?? '127.0.0.1')) {
      problems.push('MicrosoftAppId: required unless the service listens on loopback (local mode)');
    }
    return problems;
  }
  if (!set('MicrosoftAppTenantId'))
    problems.push('MicrosoftAppTenantId: required with MicrosoftAppId');
  if ((env.MicrosoftAppType ?? 'SingleTenant') === 'SingleTenant' && !set('MicrosoftAppPassword')) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppType=SingleTenant');
  }
  return problems;
}

/** Reads the environment once at boot, listing every problem at once; the result is frozen. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...crossProblems(env),
    ...productionProblems(env),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return Object.freeze(parsed.data);
}
