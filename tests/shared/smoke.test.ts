import { placeholder } from '../../shared/src/index';

test('the domain library loads', () => {
  expect(placeholder).toBe(1);
});
