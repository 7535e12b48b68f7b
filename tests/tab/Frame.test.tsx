/** @jest-environment jsdom */
import { Tooltip, teamsDarkTheme, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ThemeName } from '../../tab/src/host/place';
import { catalogs } from '../../tab/src/i18n/catalogs';
import { Frame } from '../../tab/src/ui/Frame';
import { loadTheme } from '../../tab/src/ui/theme';

test('each Teams theme loads as Fluent’s own Teams theme', async () => {
  expect(await loadTheme('dark')).toBe(teamsDarkTheme);
  expect(await loadTheme('light')).toBe(teamsLightTheme);
});

test('when Teams switches theme the frame loads the new one and shows it', async () => {
  let switchTo: (theme: ThemeName) => void = () => undefined;
  render(
    <Frame
      language="nl"
      catalogs={{ nl: catalogs.nl, en: catalogs.en }}
      theme={{ name: 'light', theme: teamsLightTheme }}
      onThemeChange={(handler) => {
        switchTo = handler;
      }}
    >
      <p>Raad</p>
    </Frame>,
  );
  const frame = () => screen.getByText('Raad').closest('[data-theme]');
  expect(frame()?.getAttribute('data-theme')).toBe('light');
  expect(document.documentElement.lang).toBe('nl');

  act(() => {
    switchTo('dark');
  });
  await waitFor(() => {
    expect(frame()?.getAttribute('data-theme')).toBe('dark');
  });
  expect(document.documentElement.style.colorScheme).toBe('dark');
});

test('a popup’s layer takes the theme, not the page’s full-height frame that would cover the panel', async () => {
  render(
    <Frame
      language="en"
      catalogs={{ en: catalogs.en }}
      theme={{ name: 'light', theme: teamsLightTheme }}
    >
      <Tooltip content="Give the floor" relationship="label" visible>
        <button type="button">Go</button>
      </Tooltip>
    </Frame>,
  );
  const layer = await waitFor(() => {
    const found = document.querySelector('[data-portal-node]');
    if (!found) throw new Error('no popup layer yet');
    return found;
  });
  const frame = screen.getByRole('button', { name: 'Give the floor' }).closest('[data-frame]');
  const provider = frame?.closest('[data-theme]');
  const frameOnly = [...(frame?.classList ?? [])].filter((c) => !provider?.classList.contains(c));
  expect(frameOnly.length).toBeGreaterThan(0);
  expect(frameOnly.filter((c) => layer.classList.contains(c))).toEqual([]);
  expect(layer.classList.contains('fui-FluentProvider')).toBe(true);
});
