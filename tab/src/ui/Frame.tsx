import type { Language } from '@council/shared';
import { FluentProvider, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ThemeName } from '../host/place';
import { createI18n, type Catalogs } from '../i18n';
import { loadTheme } from './theme';

/** A theme by its Teams name, already loaded. */
export interface ShownTheme {
  readonly name: ThemeName;
  readonly theme: Theme;
}

const useStyles = makeStyles({
  frame: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** Theme and language around every page; the theme follows Teams while the tab is open. */
export function Frame({
  language,
  catalogs,
  theme,
  onThemeChange,
  children,
}: {
  language: Language;
  catalogs: Catalogs;
  theme: ShownTheme;
  onThemeChange?: (handler: (theme: ThemeName) => void) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const i18n = useMemo(() => createI18n(language, catalogs), [language, catalogs]);
  const [current, setCurrent] = useState(theme);
  const wanted = useRef(theme.name);
  useEffect(() => {
    onThemeChange?.((name) => {
      wanted.current = name;
      void loadTheme(name).then((loaded) => {
        // Teams may switch again while a theme loads: the last one asked for wins.
        if (wanted.current === name) setCurrent({ name, theme: loaded });
      });
    });
  }, [onThemeChange]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.style.colorScheme = current.name === 'light' ? 'light' : 'dark';
    document.body.style.margin = '0';
  }, [language, current]);
  return (
    <I18nextProvider i18n={i18n}>
      {/* The page's layout sits inside the provider: Fluent gives the provider's classes to every
          popup's layer (lists, tooltips), which a full-height frame would lay over the page. */}
      <FluentProvider theme={current.theme} data-theme={current.name}>
        <div className={styles.frame} data-frame="">
          {children}
        </div>
      </FluentProvider>
    </I18nextProvider>
  );
}
