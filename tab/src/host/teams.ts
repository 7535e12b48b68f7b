import type { TokenSource } from '../api/client';
import { renewingToken } from '../api/tokens';
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

type Teams = (typeof import('./teams-sdk'))['teamsSdk'];

/** Teams never frames a top-level window: no need to load teams-js, nor to wait for it. */
export function mayBeInTeams(win: Window): boolean {
  return win.parent !== win || Boolean(win.opener);
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hostOf(
  teams: Teams,
  context: Awaited<ReturnType<Teams['getContext']>>,
  token: TokenSource,
): TeamsHost {
  return {
    view: viewOfFrame(context.page.frameContext),
    frameContext: context.page.frameContext,
    locale: context.app.locale,
    theme: themeOf(context.app.theme),
    userId: context.user?.id,
    userName: context.user?.displayName ?? context.user?.userPrincipalName,
    token,
    onThemeChange(handler) {
      teams.registerOnThemeChangeHandler((theme) => {
        handler(themeOf(theme));
      });
    },
    canShareToStage() {
      return new Promise((resolve) => {
        try {
          teams.getAppContentStageSharingCapabilities((error, capabilities) => {
            resolve(!error && Boolean(capabilities?.doesAppHaveSharePermission));
          });
        } catch {
          resolve(false);
        }
      });
    },
    shareToStage(url) {
      return new Promise((resolve, reject) => {
        teams.shareAppContentToStage((error) => {
          if (error) reject(new Error(error.message ?? String(error.errorCode)));
          else resolve();
        }, url);
      });
    },
    config: {
      setValid(valid) {
        teams.setValidityState(valid);
      },
      onSave(save) {
        teams.registerOnSaveHandler((event) => {
          save()
            .then((settings) =>
              teams.setConfig({
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
 * not Teams, so it races a short timeout: past it, the tab is not in Teams. `joined` is told the
 * view as soon as Teams has said which frame this is, before the context comes.
 */
export async function connectTeams(
  win: Window = window,
  timeoutMs = 3_000,
  joined?: (view: View) => void,
): Promise<TeamsHost | null> {
  if (!mayBeInTeams(win)) return null;
  const { teamsSdk: teams } = await import('./teams-sdk');
  const initialized = teams.initialize().then(
    () => true,
    () => false,
  );
  if (!(await Promise.race([initialized, wait(timeoutMs).then(() => false)]))) return null;
  joined?.(viewOfFrame(teams.getFrameContext()));
  // The SSO token is asked for while Teams gives the context: the first call to the service,
  // once the page has rendered, finds it here rather than waiting for Teams again.
  const token = renewingToken(teams.getAuthToken);
  token().catch(() => undefined);
  const context = await teams.getContext();
  teams.notifySuccess().catch(() => undefined);
  return hostOf(teams, context, token);
}
