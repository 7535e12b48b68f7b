import type { Language } from '@council/shared';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ThemeName } from '../host/place';
import { createI18n } from '../i18n';
import { themes } from './theme';

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
  theme,
  onThemeChange,
  children,
}: {
  language: Language;
  theme: ThemeName;
  onThemeChange?: (handler: (theme: ThemeName) => void) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const i18n = useMemo(() => createI18n(language), [language]);
  const [current, setCurrent] = useState(theme);
  useEffect(() => {
    onThemeChange?.(setCurrent);
  }, [onThemeChange]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.style.colorScheme = current === 'light' ? 'light' : 'dark';
    document.body.style.margin = '0';
  }, [language, current]);
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={themes[current]} className={styles.frame} data-theme={current}>
        {children}
      </FluentProvider>
    </I18nextProvider>
  );
}
