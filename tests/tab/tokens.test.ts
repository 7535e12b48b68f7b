import { expiryOf, renewingToken } from '../../tab/src/api/tokens';

const jwt = (exp: number) => `e30.${btoa(JSON.stringify({ exp }))}.signature`;

test('a token is read for its expiry, and anything else expires at once', () => {
  expect(expiryOf(jwt(1_900_000_000))).toBe(1_900_000_000);
  expect(expiryOf('not-a-jwt')).toBe(0);
  expect(expiryOf(`e30.${btoa('{"exp":"soon"}')}.x`)).toBe(0);
});

test('a token is given again until a minute before it expires, then fetched anew', async () => {
  let now = 1_000_000_000_000;
  const fetched: string[] = [];
  const token = renewingToken(
    () => {
      const next = jwt(now / 1000 + 600);
      fetched.push(next);
      return Promise.resolve(next);
    },
    () => now,
  );
  const first = await token();
  expect(await token()).toBe(first);
  now += 539_000;
  expect(await token()).toBe(first);
  now += 2_000;
  expect(await token()).not.toBe(first);
  expect(fetched).toHaveLength(2);
});

test('calls made while the token is on its way share the one request; a failed one is asked again', async () => {
  let release: (token: string) => void = () => undefined;
  let calls = 0;
  const token = renewingToken(() => {
    calls++;
    if (calls === 1) return Promise.reject(new Error('Teams did not answer'));
    return new Promise<string>((resolve) => {
      release = resolve;
    });
  });
  await expect(token()).rejects.toThrow('Teams did not answer');
  const both = Promise.all([token(), token()]);
  release(jwt(Date.now() / 1000 + 3_600));
  const [a, b] = await both;
  expect(a).toBe(b);
  expect(calls).toBe(2);
});
