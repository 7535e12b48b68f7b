/**
 * A reading of teamsapp.yml as Teams Toolkit runs it: steps in order, each reading variables and
 * files and writing variables. Used by the tests to show that nothing is read before it exists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { parse } from 'yaml';
import { ROOT, placeholders, readJson, readText } from './helpers';

export interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}

export type Lifecycle = Record<'provision' | 'deploy' | 'publish', Step[] | undefined> & {
  version: string;
  environmentFolderPath?: string;
};

export function readLifecycle(file: string): Lifecycle {
  return parse(readText(file)) as Lifecycle;
}

/**
 * The actions used here, with the inputs each takes (required ones first, then optional) and the
 * outputs it may write, as in Teams Toolkit's yaml schema v1.8.
 */
export const ACTIONS: Record<
  string,
  { required: string[]; optional?: string[]; outputs?: string[] }
> = {
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: ['serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'],
    outputs: ['clientId', 'objectId', 'clientSecret', 'tenantId', 'authority', 'authorityHost'],
  },
  'aadApp/update': { required: ['manifestPath', 'outputFilePath'] },
  'teamsApp/create': { required: ['name'], outputs: ['teamsAppId'] },
  'arm/deploy': {
    required: ['subscriptionId', 'resourceGroupName', 'templates'],
    optional: ['bicepCliVersion'],
  },
  script: { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  'botFramework/create': {
    required: ['botId', 'name', 'messagingEndpoint'],
    optional: ['description', 'iconUrl', 'channels'],
  },
  'file/createOrUpdateEnvironmentFile': { required: ['target', 'envs'] },
  'teamsApp/validateManifest': { required: ['manifestPath'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], outputs: ['publishedAppId'] },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
};

/**
 * Variables the toolkit itself provides: the environment's name, and the Azure subscription,
 * resource group and resource suffix, which it asks for or makes when they are empty.
 */
export const BUILT_IN = [
  'TEAMSFX_ENV',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'RESOURCE_SUFFIX',
];

/** Variables a person sets in the environment file (documented there) before provision. */
export const SET_BY_YOU: Record<string, string[]> = { dev: [], local: ['APP_ENDPOINT'] };

export function readEnvFile(env: string): Record<string, string> {
  return dotenv.parse(readText(`env/.env.${env}`));
}

/** The outputs declared by a Bicep file: `output NAME type = …`. */
export function bicepOutputs(file: string): string[] {
  return [...readText(file).matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map(
    (m) => m[1] ?? '',
  );
}

export interface Reading {
  /** `${{VAR}}` read by a step, from its own text or from the files it fills in. */
  variables: { name: string; from: string }[];
  /** Files (or folders) that must exist when the step runs. */
  files: string[];
  /** Variables it writes to the environment. */
  writes: string[];
  /** Files it makes. */
  makes: string[];
}

const HELPER = /^node scripts\/teamsfx-env\.mjs (secret|domain) ([A-Z0-9_ ]+)$/;

/** The app package's sources: the manifest and the language files it names. */
function appPackageTexts(): string[] {
  const manifest = readJson('appPackage/manifest.json') as {
    localizationInfo?: { additionalLanguages?: { file: string }[] };
  };
  return [
    'appPackage/manifest.json',
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => `appPackage/${l.file}`),
  ];
}

function fromFiles(files: string[]): { name: string; from: string }[] {
  return files.flatMap((file) =>
    placeholders(readText(file)).map((name) => ({ name, from: file })),
  );
}

const clean = (p: string): string => path.posix.normalize(p).replace(/^\.\//, '');

export function readStep(step: Step, env: string): Reading {
  const w = step.with ?? {};
  const str = (key: string): string => {
    const value = w[key];
    return typeof value === 'string' ? value : '';
  };
  const filled = (p: string): string => clean(p.replace(/\$\{\{ *TEAMSFX_ENV *\}\}/g, env));
  const reading: Reading = {
    variables: placeholders(JSON.stringify(step)).map((name) => ({
      name,
      from: `the step itself`,
    })),
    files: [],
    writes: Object.values(step.writeToEnvironmentFile ?? {}),
    makes: [],
  };
  switch (step.uses) {
    case 'arm/deploy':
      for (const template of w.templates as { path: string; parameters?: string }[]) {
        reading.files.push(clean(template.path));
        if (template.parameters) {
          reading.files.push(clean(template.parameters));
          reading.variables.push(...fromFiles([clean(template.parameters)]));
        }
        reading.writes.push(...bicepOutputs(clean(template.path)));
      }
      break;
    case 'aadApp/update':
      reading.files.push(clean(str('manifestPath')));
      reading.variables.push(
        ...fromFiles([clean(str('manifestPath'))]).filter(
          // The action makes this id itself when it is empty.
          (v) => v.name !== 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
        ),
      );
      reading.writes.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
      reading.makes.push(filled(str('outputFilePath')));
      break;
    case 'teamsApp/create':
      // Written beside the app id: the tenant the app was created in.
      reading.writes.push('TEAMS_APP_TENANT_ID');
      break;
    case 'teamsApp/validateManifest':
      reading.files.push(clean(str('manifestPath')));
      reading.variables.push(...fromFiles(appPackageTexts()));
      break;
    case 'teamsApp/zipAppPackage':
      reading.files.push(clean(str('manifestPath')));
      reading.variables.push(...fromFiles(appPackageTexts()));
      reading.makes.push(filled(str('outputZipPath')));
      break;
    case 'teamsApp/validateAppPackage':
    case 'teamsApp/update':
    case 'teamsApp/publishAppPackage':
      reading.files.push(filled(str('appPackagePath')));
      break;
    case 'azureAppService/zipDeploy':
      reading.files.push(clean(str('artifactFolder')));
      if (w.ignoreFile) reading.files.push(clean(str('ignoreFile')));
      break;
    case 'file/createOrUpdateEnvironmentFile':
      reading.makes.push(clean(str('target')));
      break;
    case 'script': {
      const match = HELPER.exec(str('run'));
      if (!match) throw new Error(`a script step this reading does not know: ${str('run')}`);
      reading.files.push('scripts/teamsfx-env.mjs');
      const names = (match[2] ?? '').trim().split(/\s+/);
      if (match[1] === 'secret') reading.writes.push(...names);
      else {
        reading.variables.push({ name: names[0] ?? '', from: 'scripts/teamsfx-env.mjs domain' });
        reading.writes.push(names[1] ?? '');
      }
      break;
    }
    case 'cli/runNpmCommand': {
      const script = /^run ([\w:-]+)/.exec(str('args'))?.[1];
      if (script === 'package') {
        reading.variables.push(...fromFiles(appPackageTexts()));
        reading.makes.push(`appPackage/build/appPackage.${env}.zip`);
      }
      if (script === 'artefact') reading.makes.push('build/artefact');
      if (script) reading.files.push(`package.json#scripts.${script}`);
      if (w.workingDirectory) reading.files.push(clean(str('workingDirectory')));
      break;
    }
  }
  return reading;
}

/** Whether a file named by a step exists in the repository (or a package.json script). */
export function exists(file: string, allowMissingScript: boolean): boolean {
  const [onDisk, script] = file.split('#scripts.');
  if (script !== undefined) {
    const scripts = (readJson('package.json') as { scripts: Record<string, string> }).scripts;
    return script in scripts || allowMissingScript;
  }
  return existsSync(path.join(ROOT, onDisk ?? ''));
}
