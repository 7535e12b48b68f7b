import { currentCeremony, messageOf } from '@council/shared';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { Request } from 'restify';
import { z } from 'zod';
import type { MeetingService } from '../meetings/service';
import { localeOf, memberOf, tenantOf } from './activity';
import { textsFor } from './i18n';
import { errorResponse } from './turns';

/** Where the Bot Connector reached this service: the tab's pages are served at the same origin. */
export const DIALOG_ORIGIN = Symbol('dialog origin');

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The service's own origin for the dialog's page: the configured public address; without one
 * (local mode only) the loopback host the request names, which local mode has already checked.
 * A request's Host is never trusted otherwise: behind a proxy it may name an inner address.
 */
export function originOf(
  req: Request,
  local: boolean,
  publicUrl: string | undefined,
): string | undefined {
  if (publicUrl) return new URL(publicUrl).origin;
  if (!local) return undefined;
  const host = req.headers.host ?? '';
  return HOST.test(host) ? `http://${host.toLowerCase()}` : undefined;
}

const fetchSchema = z.object({
  data: z.looseObject({
    meetingId: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w.:-]+$/),
    duty: z.enum(['ceremony', 'count']),
  }),
});

function message(text: string): InvokeResponse {
  return { status: 200, body: { task: { type: 'message', value: text } } };
}

/**
 * The `task/fetch` of a trustee's card: the tab's page of their duty for that meeting, in a Teams
 * dialog. Whoever is not a trustee of its current ceremony is told so; junk gets a 400.
 */
export type TrusteeDialog = (context: TurnContext) => Promise<InvokeResponse>;

export function trusteeDialog(meetings: MeetingService): TrusteeDialog {
  return async function fetch(context: TurnContext): Promise<InvokeResponse> {
    const { activity } = context;
    const t = textsFor(localeOf(activity));
    const value = fetchSchema.safeParse(activity.value);
    const tenantId = tenantOf(activity);
    const member = memberOf(activity);
    const origin = context.turnState.get<string | undefined>(DIALOG_ORIGIN);
    if (!value.success || !tenantId || !member || !origin) {
      return errorResponse(400, 'BadRequest', t('error.unknownAction'));
    }
    const { meetingId } = value.data.data;
    const loaded = await meetings.load(meetingId);
    if (!loaded || loaded.record.tenantId !== tenantId || loaded.state.status === 'none') {
      return message(messageOf({ code: 'MEETING_NOT_FOUND' }, localeOf(activity)));
    }
    const ceremony = currentCeremony(loaded.state);
    if (!ceremony?.trustees.some((trustee) => trustee.member === member)) {
      return message(t('trustee.notTrustee'));
    }
    const url = `${origin}/tab/index.html?${new URLSearchParams({ meeting: meetingId, view: 'trustee' }).toString()}`;
    return {
      status: 200,
      body: {
        task: {
          type: 'continue',
          value: {
            url,
            fallbackUrl: url,
            title: t('trustee.dialogTitle', { title: loaded.state.setup.title }),
            height: 'medium',
            width: 'small',
          },
        },
      },
    };
  };
}
