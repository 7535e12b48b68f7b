import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { ThemeName } from '../host/place';

/** Teams' own Fluent themes, so the tab looks like the client around it. */
export const themes: Readonly<Record<ThemeName, Theme>> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};
