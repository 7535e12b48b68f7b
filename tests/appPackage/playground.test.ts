import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ROOT, readJson, readText } from './helpers';

/**
 * The Agents Playground validates its config file against a JSON schema that lives inside its
 * bundle (as `JSON.parse('…')`); the test reads it from the installed package, so a new Playground
 * version with another schema shows up here.
 */
function playgroundSchema(): object {
  const bundle = readFileSync(
    path.join(
      path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')),
      'dist/index.js',
    ),
    'utf8',
  );
  const id = bundle.indexOf('config.schema.json"');
  const start = bundle.lastIndexOf("JSON.parse('", id);
  const end = bundle.indexOf("')", id);
  if (id < 0 || start < 0 || end < 0)
    throw new Error('the Playground bundle has no config schema where expected');
  const literal = bundle.slice(start + "JSON.parse('".length, end);
  return JSON.parse(literal.replace(/\\(['\\])/g, '$1')) as object;
}

interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

const config = parse(readText('.m365agentsplayground.yml')) as {
  tenantId: string;
  currentUser: Person;
  users: Person[];
};

test('.m365agentsplayground.yml is valid for the installed Agents Playground', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(playgroundSchema());
  expect(validate(config) ? [] : validate.errors).toEqual([]);
});

test('npm run playground points the Playground at the bot on port 3978, as Teams', () => {
  const scripts = (readJson('package.json') as { scripts: Record<string, string> }).scripts;
  expect(scripts.playground).toMatch(/^agentsplayground /);
  expect(scripts.playground).toContain('http://localhost:3978/api/messages');
  expect(scripts.playground).toContain('--channel-id msteams');
  expect(scripts.playground).toContain('--disable-telemetry');
});

// The project's own copy of the demo council (../shared/fixtures is not part of a clone).
const fixture = path.join(ROOT, 'bot', 'fixtures', 'council-demo.json');

test('its people are the demo council: you are the chair, the director is among the others', () => {
  const council = JSON.parse(readFileSync(fixture, 'utf8')) as {
    tenantId: string;
    director: Person & { role: string };
    members: (Person & { role: string })[];
  };
  const people = [council.director, ...council.members];
  expect(config.tenantId).toBe(council.tenantId);
  const chair = council.members.find((m) => m.role === 'chair');
  expect([config.currentUser.aadObjectId, config.currentUser.name]).toEqual([
    chair?.aadObjectId,
    chair?.name,
  ]);
  for (const user of config.users) {
    const person = people.find((p) => p.aadObjectId === user.aadObjectId);
    expect({ id: user.aadObjectId, name: person?.name }).toEqual({
      id: user.aadObjectId,
      name: user.name,
    });
  }
  expect(config.users.map((u) => u.aadObjectId)).toContain(council.director.aadObjectId);
});
