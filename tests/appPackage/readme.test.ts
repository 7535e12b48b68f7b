import { readText } from './helpers';

test('the README tells a city how to run the app in Teams', () => {
  const readme = readText('README.md');
  const section = readme.slice(readme.indexOf('## Run it in Teams'));
  expect(section.startsWith('## Run it in Teams')).toBe(true);
  for (const needed of [
    'Upload custom apps', // sideloading
    'Manage apps', // or an administrator uploads it
    'Azure subscription',
    'teamsapp provision --env dev',
    'teamsapp deploy --env dev',
    'teamsapp publish --env dev',
    'devtunnel host',
    'teamsapp provision --env local',
    'npm run playground',
    'Agents Playground',
    'Set-MgBetaChatRscConfiguration', // the admin's say over RSC consent
    '`@microsoft/teamsfx` is deliberately not used',
  ]) {
    expect({ needed, found: section.includes(needed) }).toEqual({ needed, found: true });
  }
});
