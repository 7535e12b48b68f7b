import { importRoster } from '../../tab/src/setup/roster-import';
import demo from '../../bot/fixtures/council-demo.json';

test('a CSV roster with quoted fields and a header in any case becomes the members', () => {
  const csv = [
    'ID,Name,Role,Group,Seat',
    'm1,"Lambert, Amélie",Chair,Groupe Rouge,1',
    'm2,"Claes ""Bruno""",councillor,,2',
    'dg,Hélène Vandersmissen,director,,',
  ].join('\r\n');
  const read = importRoster(csv, 'roster.csv');
  expect(read).toEqual({
    ok: true,
    roster: [
      { id: 'm1', name: 'Lambert, Amélie', role: 'chair', group: 'Groupe Rouge', seat: 1 },
      { id: 'm2', name: 'Claes "Bruno"', role: 'councillor', seat: 2 },
      { id: 'dg', name: 'Hélène Vandersmissen', role: 'director' },
    ],
  });
});

test('a CSV file written with semicolons (French, Dutch and German spreadsheets) is read too', () => {
  const read = importRoster('id;name;role\nm1;Anne;chair\n');
  expect(read.ok && read.roster).toEqual([{ id: 'm1', name: 'Anne', role: 'chair' }]);
});

test('a council file in JSON gives its members, director and observer', () => {
  const read = importRoster(JSON.stringify(demo), 'council.json');
  expect(read.ok && read.roster.length).toBe(demo.members.length + 2);
  expect(read.ok && read.roster.filter((m) => m.role === 'chair')).toHaveLength(1);
});

test('a member the service would refuse is named by line and field, and nothing is imported', () => {
  expect(importRoster('id,name,role\nm1,Anne,chair\nm2,Bruno,mayor\n')).toEqual({
    ok: false,
    problem: { kind: 'invalid', line: 3, field: 'role' },
  });
  expect(importRoster('[{"id": "a"}', 'x.json')).toEqual({
    ok: false,
    problem: { kind: 'notJson' },
  });
  expect(importRoster('id,name,role\n')).toEqual({ ok: false, problem: { kind: 'empty' } });
});

test('a CSV roster may give each member’s title, gender and office, as the minutes name them', () => {
  const csv = 'id,name,role,title,gender,function\nm1,Amélie Lambert,chair,Mme,female,mayor\n';
  const read = importRoster(csv, 'roster.csv');
  expect(read.ok && read.roster).toEqual([
    {
      id: 'm1',
      name: 'Amélie Lambert',
      role: 'chair',
      title: 'Mme',
      gender: 'female',
      function: 'mayor',
    },
  ]);
});

test('an office the app does not know is named by line and field, and nothing is imported', () => {
  const read = importRoster('id,name,role,function\nm1,Anne,chair,queen\n', 'roster.csv');
  expect(read).toEqual({ ok: false, problem: { kind: 'invalid', line: 2, field: 'function' } });
});
