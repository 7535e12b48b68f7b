import type { TokenSource } from '../api/client';
import { themeOf, viewOfFrame, type ThemeName, type View } from './place';

/** What the tab uses of Teams once it is known to run inside it. */
export interface TeamsHost {
  readonly view: View;
  readonly frameContext: string | undefined;
  readonly locale: string;
  readonly theme: ThemeName;
  readonly userId: string | undefined;
  readonly userName: string | undefined;
  readonly token: TokenSource;
  readonly onThemeChange: (handler: (theme: ThemeName) => void) => void;
  /** Whether this user, in this client, may share the app to the meeting stage. */
  readonly canShareToStage: () => Promise<boolean>;
  /** Shares a page of the tab to the meeting stage. */
  readonly shareToStage: (url: string) => Promise<void>;
  /** The configuration page's hooks (pages.config). */
  readonly config: {
    readonly setValid: (valid: boolean) => void;
    readonly onSave: (
      save: () => Promise<{ entityId: string; contentUrl: string; name: string }>,
    ) => void;
  };
}

type Teams = typeof import('@microsoft/teams-js');

/** Teams never frames a top-level window: no need to load teams-js, nor to wait for it. */
export function mayBeInTeams(win: Window): boolean {
  return win.parent !== win || Boolean(win.opener);
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hostOf(teams: Teams, context: Awaited<ReturnType<Teams['app']['getContext']>>): TeamsHost {
  const { app, authentication, meeting, pages } = teams;
  return {
    view: viewOfFrame(context.page.frameContext),
    frameContext: context.page.frameContext,
    locale: context.app.locale,
    theme: themeOf(context.app.theme),
    userId: context.user?.id,
    userName: context.user?.displayName ?? context.user?.userPrincipalName,
    // Teams caches the SSO token and renews it when it nears expiry.
    token: () => authentication.getAuthToken(),
    onThemeChange(handler) {
      app.registerOnThemeChangeHandler((theme) => {
        handler(themeOf(theme));
      });
    },
    canShareToStage() {
      return new Promise((resolve) => {
        try {
          meeting.getAppContentStageSharingCapabilities((error, capabilities) => {
            resolve(!error && Boolean(capabilities?.doesAppHaveSharePermission));
          });
        } catch {
          resolve(false);
        }
      });
    },
    shareToStage(url) {
      return new Promise((resolve, reject) => {
        meeting.shareAppContentToStage((error) => {
          if (error) reject(new Error(error.message ?? String(error.errorCode)));
          else resolve();
        }, url);
      });
    },
    config: {
      setValid(valid) {
        pages.config.setValidityState(valid);
      },
      onSave(save) {
        pages.config.registerOnSaveHandler((event) => {
          save()
            .then((settings) =>
              pages.config.setConfig({
                entityId: settings.entityId,
                contentUrl: settings.contentUrl,
                websiteUrl: settings.contentUrl,
                suggestedDisplayName: settings.name,
              }),
            )
            .then(
              () => {
                event.notifySuccess();
              },
              (error: unknown) => {
                event.notifyFailure(String(error));
              },
            );
        });
      },
    },
  };
}

/**
 * Joins Teams if the tab runs inside it. app.initialize() waits a whole minute in a frame that is
 * not Teams, so it races a short timeout: past it, the tab is not in Teams.
 */
export async function connectTeams(
  win: Window = window,
  timeoutMs = 3_000,
): Promise<TeamsHost | null> {
  if (!mayBeInTeams(win)) return null;
  const teams = await import('@microsoft/teams-js');
  const initialized = teams.app.initialize().then(
    () => true,
    () => false,
  );
  if (!(await Promise.race([initialized, wait(timeoutMs).then(() => false)]))) return null;
  const context = await teams.app.getContext();
  teams.app.notifySuccess().catch(() => undefined);
  return hostOf(teams, context);
}
