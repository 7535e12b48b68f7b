// A stand-in for the Teams client, for the bench: a page at a Teams origin that frames the tab and
// answers teams-js's handshake (initialize, getContext, getAuthToken) as Teams does, so the tab
// loads teams-js and initialises it before its first render, as it does inside a meeting.
import type { BrowserContext, Frame } from 'playwright-core';

/** Teams' own origin: teams-js answers only a host whose origin it knows. */
const HOST = 'https://teams.microsoft.com/bench-meeting';

export interface TeamsVisit {
  /** The tab's address (Teams knows it from the app's manifest and the tab's configuration). */
  readonly tabUrl: string;
  /** sidePanel, meetingStage, content (the details tab) or task (a dialog). */
  readonly frameContext: 'sidePanel' | 'meetingStage' | 'content' | 'task';
  /** The token getAuthToken gives (Teams' SSO token; the bench's dev sign-in in its place). */
  readonly token: string;
  readonly userObjectId: string;
  readonly locale?: string;
  readonly theme?: 'default' | 'dark' | 'contrast';
}

/** The host's page: one frame, and the few answers the tab's calls wait for. */
function hostPage(visit: TeamsVisit): string {
  const context = {
    locale: visit.locale ?? 'en-US',
    theme: visit.theme ?? 'default',
    frameContext: visit.frameContext,
    userObjectId: visit.userObjectId,
    userPrincipalName: `${visit.userObjectId}@bench.example`,
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'bench',
  };
  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    supports: { appInitialization: {}, authentication: {}, meeting: {}, pages: { config: {} } },
  };
  const answers = {
    initialize: [visit.frameContext, 'web', JSON.stringify(runtime), '2.58.0'],
    getContext: [context],
    'authentication.getAuthToken': [true, visit.token],
  };
  return `<!doctype html><html><body style="margin:0">
<iframe id="tab" src="${visit.tabUrl}" style="border:0;width:100vw;height:100vh"></iframe>
<script>
const answers = ${JSON.stringify(answers)};
const tab = document.getElementById('tab');
addEventListener('message', (event) => {
  if (event.source !== tab.contentWindow) return;
  const message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
  const args = answers[message.func];
  if (!args) return;
  tab.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
});
</script></body></html>`;
}

/** Opens the tab as Teams would in `context`; returns the tab's frame, not the host's page. */
export async function openInTeams(context: BrowserContext, visit: TeamsVisit): Promise<Frame> {
  await context.route(HOST, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(visit) }),
  );
  const page = await context.newPage();
  await page.goto(HOST);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('the host page framed no tab');
  return frame;
}
