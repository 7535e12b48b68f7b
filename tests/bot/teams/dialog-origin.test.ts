import type { Request } from 'restify';
import { originOf } from '../../../bot/src/teams/trustee-dialog';

const request = (host: string) => ({ headers: { host } }) as unknown as Request;

describe("the trustee dialog's address", () => {
  test('the configured public address wins over whatever Host the request names', () => {
    expect(originOf(request('evil.example'), false, 'https://council.example.be/base/')).toBe(
      'https://council.example.be',
    );
    expect(originOf(request('127.0.0.1:9'), true, 'https://council.example.be')).toBe(
      'https://council.example.be',
    );
  });

  test('without one, only local mode takes the request’s (loopback, already checked) host', () => {
    expect(originOf(request('127.0.0.1:3978'), true, undefined)).toBe('http://127.0.0.1:3978');
    expect(originOf(request('council.example.be'), false, undefined)).toBeUndefined();
    expect(originOf(request('a b/c'), true, undefined)).toBeUndefined();
  });
});
