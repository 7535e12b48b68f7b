/** @jest-environment jsdom */
import { act, screen } from '@testing-library/react';
import { catalogs } from '../../tab/src/i18n/catalogs';
import { lazyPart } from '../../tab/src/ui/parts/LazyPart';
import { renderWithText } from './support/harness';

/** A part whose chunk the test delivers, or fails to, when it chooses. */
function deferredPart() {
  const chunk: { deliver: () => void; fail: (error: Error) => void } = {
    deliver: () => undefined,
    fail: () => undefined,
  };
  const Part = lazyPart(
    () =>
      new Promise<(props: { name: string }) => React.JSX.Element>((resolve, reject) => {
        chunk.deliver = () => {
          resolve(({ name }) => <p>Declared by {name}</p>);
        };
        chunk.fail = reject;
      }),
  );
  return { Part, chunk };
}

test('a lazily loaded part shows a spinner while its code loads, then the part with its props', async () => {
  const { Part, chunk } = deferredPart();
  renderWithText(<Part name="Anne Peeters" />);
  expect(screen.getByText(catalogs.en.app.loading)).toBeTruthy();
  await act(async () => {
    chunk.deliver();
    await Promise.resolve();
  });
  expect(await screen.findByText('Declared by Anne Peeters')).toBeTruthy();
  expect(screen.queryByText(catalogs.en.app.loading)).toBeNull();
});

test('a part whose chunk fails to load says so instead of leaving the view blank or broken', async () => {
  const { Part, chunk } = deferredPart();
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  renderWithText(
    <>
      <Part name="Anne Peeters" />
      <p>The rest of the view</p>
    </>,
  );
  await act(async () => {
    chunk.fail(new TypeError('Failed to fetch dynamically imported module'));
    await Promise.resolve();
  });
  expect(await screen.findByText(catalogs.en.app.partFailed)).toBeTruthy();
  expect(screen.queryByText(catalogs.en.app.loading)).toBeNull();
  expect(screen.getByText('The rest of the view')).toBeTruthy();
  logged.mockRestore();
});
