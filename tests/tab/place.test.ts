import { placeFromAddress, tabAddress, themeOf, viewOfFrame } from '../../tab/src/host/place';

test('Teams themes map to light, dark and high contrast; glass and unknown ones to light', () => {
  expect(['default', 'dark', 'contrast', 'glass', undefined].map(themeOf)).toEqual([
    'light',
    'dark',
    'contrast',
    'light',
    'light',
  ]);
});

test('the frame Teams shows the tab in picks the view: side panel, stage, or details tab', () => {
  expect(['sidePanel', 'meetingStage', 'content', undefined].map(viewOfFrame)).toEqual([
    'panel',
    'stage',
    'details',
    'panel',
  ]);
});

test('a Teams dialog (task module) shows a trustee’s duty: the bot’s card is the only one to open it', () => {
  expect(viewOfFrame('task')).toBe('trustee');
  expect(placeFromAddress('?meeting=m-1&view=trustee', 'fr-BE').view).toBe('trustee');
});

test('outside Teams the address names the meeting, the view, the theme and the language', () => {
  expect(placeFromAddress('?meeting=m-1&view=stage&theme=contrast&lang=de', 'fr-BE')).toEqual({
    meetingId: 'm-1',
    view: 'stage',
    theme: 'contrast',
    language: 'de',
  });
  expect(placeFromAddress('?view=elsewhere&lang=xx', 'nl-BE,nl;q=0.9')).toEqual({
    meetingId: null,
    view: 'panel',
    theme: 'light',
    language: 'nl',
  });
});

test("the tab's address for Teams carries the meeting, escaped", () => {
  expect(tabAddress('https://council.example', 'a b&c', 'stage')).toBe(
    'https://council.example/tab/index.html?meeting=a+b%26c&view=stage',
  );
});
