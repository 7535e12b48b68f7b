export type { MinutesWords } from './catalog';
export { minutesWords } from './catalog';
export type { MinutesBlock } from './context';
export { minutesOf, type MinutesDocument, type MinutesInput } from './document';
