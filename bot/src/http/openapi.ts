import { meetingSetupSchema, wireCommandSchema } from '@council/shared';
import { z } from 'zod';

const problem = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const refusals = {
  '4XX': { description: 'Refused: a code from the error catalogue', ...json(problem) },
  429: {
    description: 'Too many requests (RATE_LIMITED, TOO_MANY_STREAMS, MINUTES_BUSY)',
    headers: {
      'Retry-After': { description: 'Seconds to wait (RATE_LIMITED)', schema: { type: 'integer' } },
    },
    ...json(problem),
  },
};
const bearer = [{ teamsSso: [] }];

/** OpenAPI 3.1 document generated from the same zod schemas that check every request. */
export function openApiDocument() {
  const command = z.toJSONSchema(wireCommandSchema, { io: 'input', unrepresentable: 'any' });
  const setup = z.toJSONSchema(meetingSetupSchema, { io: 'input', unrepresentable: 'any' });
  return {
    openapi: '3.1.0',
    info: { title: 'Council meetings', version: '0.1.0' },
    components: {
      securitySchemes: { teamsSso: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Command: command, MeetingSetup: setup, Problem: problem },
    },
    paths: {
      '/api/meetings': {
        get: {
          summary:
            "The tenant's meetings whose roster holds the caller (or convened, if configured)",
          security: bearer,
          responses: { 200: { description: 'Meetings' }, ...refusals },
        },
        post: {
          summary:
            'The director creates a meeting from a setup or a council file; only the Council.Secretariat app role or MEETING_CREATORS may',
          security: bearer,
          requestBody: json({
            type: 'object',
            required: ['commandId'],
            properties: {
              commandId: { type: 'string' },
              setup: { $ref: '#/components/schemas/MeetingSetup' },
              council: { type: 'object' },
            },
          }),
          responses: { 201: { description: 'Created' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}': {
        get: {
          summary: 'The meeting as the reader may see it',
          security: bearer,
          responses: { 200: { description: 'Meeting' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/commands': {
        post: {
          summary: 'Applies one command; a retry with the same commandId is never applied twice',
          security: bearer,
          requestBody: json({
            type: 'object',
            required: ['commandId', 'command'],
            properties: {
              commandId: { type: 'string' },
              command: { $ref: '#/components/schemas/Command' },
            },
          }),
          responses: {
            200: {
              description:
                "The new version; for a secret ballot, its tracker too (the voter's alone: it is not kept with them)",
              ...json({
                type: 'object',
                properties: { version: { type: 'integer' }, tracker: { type: 'string' } },
              }),
            },
            ...refusals,
          },
        },
      },
      '/api/meetings/{meetingId}/votes/{voteId}/tally-record': {
        get: {
          summary:
            'A counted secret vote’s tally record (board, aggregate, partial decryptions, proofs) for `npm run audit -- verify-tally`; as its result, the director’s alone until published',
          security: bearer,
          responses: { 200: { description: 'The tally record' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/votes/{voteId}/board': {
        get: {
          summary:
            'A closed secret vote’s board: every ballot’s ciphertexts and tracker, ordered by tracker, for its members (a trustee checks the sum before decrypting it)',
          security: bearer,
          responses: { 200: { description: 'The board' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/decisions': {
        get: {
          summary:
            'The decision list: each decided item, its result and its text as adopted (amendments applied), as the reader may see them',
          security: bearer,
          responses: { 200: { description: 'The decisions' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/minutes.pdf': {
        get: {
          summary:
            'The minutes in the meeting’s language, a draft until it closes; no closed-session item for observers',
          security: bearer,
          responses: { 200: { description: 'application/pdf' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/minutes/signing': {
        get: {
          summary:
            'Signing the minutes: the final minutes the director may submit (the last event’s number, the PDF’s and the event’s SHA-256), the submission, each signatory’s approval and the seal; members only',
          security: bearer,
          responses: { 200: { description: 'The signing state' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/minutes/submitted.pdf': {
        get: {
          summary:
            'The minutes submitted for signature, whose SHA-256 the approvals carry; members only',
          security: bearer,
          responses: { 200: { description: 'application/pdf' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/minutes/sealed.pdf': {
        get: {
          summary:
            'The minutes sealed (PAdES) once every signatory approved, for `npm run audit -- verify-minutes`; ETag: their SHA-256; members only',
          security: bearer,
          responses: { 200: { description: 'application/pdf' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/items/{itemId}/previous-minutes.pdf': {
        get: {
          summary:
            'On the approval of the previous minutes: the sealed minutes of that sitting whose SHA-256 the item names (ETag), kept for this council; members only',
          security: bearer,
          responses: { 200: { description: 'application/pdf' }, ...refusals },
        },
      },
      '/api/meetings/{meetingId}/stream': {
        get: {
          summary: 'Live events (Server-Sent Events), resumable with Last-Event-ID',
          security: bearer,
          responses: { 200: { description: 'text/event-stream' }, ...refusals },
        },
      },
      '/healthz': { get: { summary: 'Alive', responses: { 200: { description: 'ok' } } } },
      '/readyz': {
        get: {
          summary: 'Database reachable',
          responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } },
        },
      },
    },
  };
}
