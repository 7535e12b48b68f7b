import { app, authentication, meeting, pages } from '@microsoft/teams-js';

/**
 * The few calls of teams-js the tab makes, each named alone so that the bundle keeps them and
 * what they need, not the whole SDK (its namespaces are tree-shaken member by member).
 */
export const teamsSdk = {
  initialize: app.initialize,
  getContext: app.getContext,
  getFrameContext: app.getFrameContext,
  notifySuccess: app.notifySuccess,
  registerOnThemeChangeHandler: app.registerOnThemeChangeHandler,
  getAuthToken: () => authentication.getAuthToken(),
  getAppContentStageSharingCapabilities: meeting.getAppContentStageSharingCapabilities,
  shareAppContentToStage: meeting.shareAppContentToStage,
  setValidityState: pages.config.setValidityState,
  registerOnSaveHandler: pages.config.registerOnSaveHandler,
  setConfig: pages.config.setConfig,
};
