import { readText } from './helpers';
import {
  ACTIONS,
  BUILT_IN,
  SET_BY_YOU,
  bicepOutputs,
  exists,
  readEnvFile,
  readLifecycle,
  readStep,
  type Lifecycle,
  type Step,
} from './lifecycle';

const STAGES = ['provision', 'deploy', 'publish'] as const;

const argsOf = (step: Step): string => (typeof step.with?.args === 'string' ? step.with.args : '');

function stepsOf(lifecycle: Lifecycle): { stage: string; index: number; step: Step }[] {
  return STAGES.flatMap((stage) =>
    (lifecycle[stage] ?? []).map((step, index) => ({ stage, index, step })),
  );
}

describe.each([
  { file: 'teamsapp.yml', env: 'dev' },
  { file: 'teamsapp.local.yml', env: 'local' },
])('$file (env/.env.$env)', ({ file, env }) => {
  const lifecycle = readLifecycle(file);
  const steps = stepsOf(lifecycle);
  const envFile = readEnvFile(env);
  const at = (s: { stage: string; index: number; step: Step }): string =>
    `${s.stage}[${s.index}] ${s.step.uses}`;

  test('uses schema v1.8 and only actions it knows, each with its inputs and no others', () => {
    expect(lifecycle.version).toBe('v1.8');
    const faults: string[] = [];
    for (const s of steps) {
      const action = ACTIONS[s.step.uses];
      if (!action) {
        faults.push(`${at(s)}: unknown action`);
        continue;
      }
      const given = Object.keys(s.step.with ?? {});
      for (const key of action.required)
        if (!given.includes(key)) faults.push(`${at(s)}: no ${key}`);
      for (const key of given) {
        if (![...action.required, ...(action.optional ?? [])].includes(key))
          faults.push(`${at(s)}: ${key}?`);
      }
      for (const key of Object.keys(s.step)) {
        if (!['uses', 'name', 'with', 'env', 'writeToEnvironmentFile'].includes(key))
          faults.push(`${at(s)}: ${key}?`);
      }
      for (const [output, variable] of Object.entries(s.step.writeToEnvironmentFile ?? {})) {
        if (!(action.outputs ?? []).includes(output)) faults.push(`${at(s)}: writes ${output}?`);
        const secret = output === 'clientSecret';
        if (secret !== variable.startsWith('SECRET_'))
          faults.push(`${at(s)}: ${variable} and SECRET_`);
      }
    }
    expect(faults).toEqual([]);
  });

  test('every ${{VAR}} it reads is in the env file, built in, set by you, or written by an earlier step', () => {
    const available = new Set([
      ...BUILT_IN,
      ...Object.entries(envFile)
        .filter(([name, value]) => value !== '' || name === 'APP_NAME_SUFFIX')
        .map(([name]) => name),
      ...(SET_BY_YOU[env] ?? []),
    ]);
    const unknown: string[] = [];
    for (const s of steps) {
      const reading = readStep(s.step, env);
      for (const { name, from } of reading.variables) {
        if (!available.has(name)) unknown.push(`${at(s)} reads ${name} (${from})`);
      }
      for (const name of reading.writes) available.add(name);
    }
    expect(unknown).toEqual([]);
  });

  test('every file it names exists, or is made by an earlier step of the same stage', () => {
    const missing: string[] = [];
    for (const stage of STAGES) {
      const made = new Set<string>();
      for (const s of steps.filter((x) => x.stage === stage)) {
        const reading = readStep(s.step, env);
        const ifPresent = argsOf(s.step).includes('--if-present');
        for (const f of reading.files) {
          if (!made.has(f) && !exists(f, ifPresent)) missing.push(`${at(s)} needs ${f}`);
        }
        for (const f of reading.makes) made.add(f);
      }
    }
    expect(missing).toEqual([]);
  });

  test('the env file lists, empty, every variable the steps write, and holds no secret', () => {
    const written = steps.flatMap((s) => readStep(s.step, env).writes);
    const notListed = written.filter((name) => !name.startsWith('SECRET_') && !(name in envFile));
    const filledIn = written.filter((name) => (envFile[name] ?? '') !== '');
    expect({ notListed, filledIn }).toEqual({ notListed: [], filledIn: [] });
    expect(Object.keys(envFile).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
    expect(envFile.TEAMSFX_ENV).toBe(env);
  });

  test('what you must set yourself is declared in the env file, with a comment saying so', () => {
    const text = readText(`env/.env.${env}`);
    for (const name of SET_BY_YOU[env] ?? []) {
      expect(text).toMatch(new RegExp(`# Set by you[^]*?\\n${name}=\\n`));
    }
  });
});

test('every output of the Bicep fills a variable that a later step or the manifest reads', () => {
  const lifecycle = readLifecycle('teamsapp.yml');
  const deploy = stepsOf(lifecycle).findIndex((s) => s.step.uses === 'arm/deploy');
  const readLater = new Set(
    stepsOf(lifecycle)
      .slice(deploy + 1)
      .flatMap((s) => readStep(s.step, 'dev').variables.map((v) => v.name)),
  );
  const outputs = bicepOutputs('infra/azure.bicep');
  expect(outputs.sort()).toEqual([
    'APP_DOMAIN',
    'APP_ENDPOINT',
    'AZURE_APP_SERVICE_RESOURCE_ID',
    'BOT_ID',
  ]);
  for (const output of outputs)
    expect({ output, read: readLater.has(output) }).toEqual({ output, read: true });
});

test('Azure provision makes the SSO app, then deploys infra/, then exposes access_as_user and packages', () => {
  const order = stepsOf(readLifecycle('teamsapp.yml'))
    .filter((s) => s.stage === 'provision')
    .map((s) => s.step.uses);
  expect(order).toEqual([
    'aadApp/create',
    'teamsApp/create',
    'script',
    'script',
    'arm/deploy',
    'aadApp/update',
    'cli/runNpmCommand',
    'teamsApp/validateManifest',
    'teamsApp/zipAppPackage',
    'teamsApp/validateAppPackage',
    'teamsApp/update',
  ]);
});

test('deploy assembles the artefact, then zip-deploys it to the App Service that provision made', () => {
  const deploy = readLifecycle('teamsapp.yml').deploy ?? [];
  const uses = deploy.map((s) => `${s.uses} ${argsOf(s)}`.trim());
  expect(uses.indexOf('cli/runNpmCommand run artefact')).toBeGreaterThan(-1);
  expect(uses.indexOf('cli/runNpmCommand run artefact')).toBeLessThan(
    uses.indexOf('azureAppService/zipDeploy'),
  );
  const zipDeploy = deploy.find((s) => s.uses === 'azureAppService/zipDeploy')?.with;
  expect(zipDeploy?.artifactFolder).toBe('build/artefact');
  expect(zipDeploy?.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
});

test('publish submits the package to the tenant app catalogue', () => {
  const publish = readLifecycle('teamsapp.yml').publish ?? [];
  expect(publish.at(-1)?.uses).toBe('teamsApp/publishAppPackage');
});

test('the local service gets the bot and SSO settings it reads, and git keeps none of its secrets', () => {
  const deploy = readLifecycle('teamsapp.local.yml').deploy ?? [];
  const file = deploy.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
  expect(file?.with?.target).toBe('./.localConfigs');
  expect(Object.keys(file?.with?.envs as object).sort()).toEqual(
    [
      'AUTH_MODE',
      'ENTRA_CLIENT_ID',
      'HOST',
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
      'MicrosoftAppType',
      'PORT',
    ].sort(),
  );
  const ignored = readText('.gitignore').split('\n');
  expect(ignored).toEqual(expect.arrayContaining(['env/.env.*.user', '.localConfigs']));
});
