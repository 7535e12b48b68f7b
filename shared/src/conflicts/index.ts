export { decideConflict, evolveConflict } from './declare';
export { articleOf, conflictsOn, inConflict } from './record';
export { withConflictMovements } from './room';
export { conflictRefusal } from './takes-no-part';
