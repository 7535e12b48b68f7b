import type { Request, Response } from 'restify';
import type { Logger } from '../log';
import { refusal, sendProblem } from './problems';

/**
 * A request must arrive whole within `ms` of its headers: a client that trickles its body (slow
 * loris) is answered 408 and its connection closed. Once a request is in, the time its answer
 * takes is not limited, so a live stream stays open for as long as its reader wants.
 */
export function requestDeadline(ms: number, log: Logger) {
  return (req: Request, res: Response, next: () => void): void => {
    const timer = setTimeout(() => {
      if (req.complete || res.headersSent) return;
      res.header('Connection', 'close');
      sendProblem(req, res, refusal('REQUEST_TIMEOUT'), log);
      res.once('finish', () => req.socket.destroy());
    }, ms);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
    });
    next();
  };
}
