export type { MinutesWords } from './catalog';
export { minutesWords } from './catalog';
export type { MinutesBlock } from './context';
export { sealFor, type LoggedEvent, type MinutesSeal } from './seal';
export { minutesOf, type MinutesDocument, type MinutesInput } from './document';
export { decisionListOf, type ListedDecision } from './decision-list';
export { previousMinutesPath } from './previous';
