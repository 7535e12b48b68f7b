/** `npm run icons`: redraws appPackage/color.png and appPackage/outline.png. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { colourIcon, outlineIcon } from './teams/icons';

const appPackage = path.resolve(import.meta.dirname, '..', 'appPackage');
writeFileSync(path.join(appPackage, 'color.png'), colourIcon());
writeFileSync(path.join(appPackage, 'outline.png'), outlineIcon());
console.log(`Icons written to ${path.relative(process.cwd(), appPackage) || '.'}/`);
