import type { Request, Response } from 'restify';
import type { WireCommand } from '@council/shared';
import { stageTook, stagesHeard } from '../meetings/stage-timing';

/** When each request came in, while someone listens for stages (see stage-timing.ts). */
const arrivals = new WeakMap<Request, number>();

/** First of the server's handlers: notes a request's arrival, only while stages are heard. */
export function noteArrival(req: Request, _res: Response, next: () => void): void {
  if (stagesHeard()) arrivals.set(req, performance.now());
  next();
}

/** The `request` stage of `command`: from its request's arrival to now, its answer sent. */
export function requestTook(req: Request, command: WireCommand['type']): void {
  const arrived = arrivals.get(req);
  if (arrived !== undefined) stageTook(command, 'request', arrived);
}
