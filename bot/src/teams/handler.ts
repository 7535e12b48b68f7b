import {
  TeamsActivityHandler,
  type FileConsentCardResponse,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { localeOf } from './activity';
import { textsFor } from './i18n';
import type { MinutesDesk } from './minutes-delivery';
import type { TrusteeDialog } from './trustee-dialog';
import { errorResponse, type Turns } from './turns';

/** The Teams side of the bot: which activity goes to which turn. */
export class CouncilBot extends TeamsActivityHandler {
  constructor(
    private readonly turns: Turns,
    private readonly minutes: MinutesDesk,
    private readonly trusteeDialog: TrusteeDialog,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await turns.onMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await turns.onAdded(context);
      await next();
    });
    this.onTeamsMeetingParticipantsJoinEvent(async (meeting, context, next) => {
      await turns.onParticipants(context, meeting.members, true);
      await next();
    });
    this.onTeamsMeetingParticipantsLeaveEvent(async (meeting, context, next) => {
      await turns.onParticipants(context, meeting.members, false);
      await next();
    });
  }

  /** The director accepted the minutes offered on a file consent card. */
  protected override handleTeamsFileConsentAccept(
    context: TurnContext,
    answer: FileConsentCardResponse,
  ): Promise<void> {
    return this.minutes.accepted(context, answer);
  }

  protected override handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    return this.minutes.declined(context);
  }

  /**
   * Card buttons are ours to answer. Any other invoke is one this bot does not offer: a 400, not
   * the 501 botbuilder would give.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action') return this.turns.onCardAction(context);
    if (context.activity.name === 'task/fetch') return this.trusteeDialog(context);
    const answer = await super.onInvokeActivity(context);
    if (answer.status < 500) return answer;
    const t = textsFor(localeOf(context.activity));
    return errorResponse(400, 'NotSupported', t('error.unknownAction'));
  }
}
