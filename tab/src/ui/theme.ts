import type { Theme } from '@fluentui/react-components';
import type { ThemeName } from '../host/place';

// One chunk per theme: the tab downloads the one Teams shows, and another only if Teams switches.
const themeLoaders: Readonly<Record<ThemeName, () => Promise<{ theme: Theme }>>> = {
  light: () => import('./themes/light'),
  dark: () => import('./themes/dark'),
  contrast: () => import('./themes/contrast'),
};

/** Teams' own Fluent theme of that name, so the tab looks like the client around it. */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  return (await themeLoaders[name]()).theme;
}
