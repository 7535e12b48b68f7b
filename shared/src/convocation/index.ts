export { convene } from './convene';
export { convened, evolveReceipts } from './evolve';
export type { ConvocationEvent } from './events';
export { noticeShortfall } from './notice';
export { convokedMembers, decideReceipt } from './receipts';
export { withSupplement } from './supplement';
export * from './types';
