/**
 * The app's two icons, drawn from shapes: a ballot with a tick going into a ballot box.
 * `npm run icons` writes them to appPackage/; the PNG files are committed.
 */
import { Canvas, clip, hex, minus, rect, roundedRect, stroke, union } from './raster';

/** The manifest's accentColor: Teams shows it behind the colour icon, so they are the same. */
export const ACCENT = '#1F4E79';

const white = hex('#FFFFFF');
const slotShade = hex('#12314D');
const labelShade = hex('#C7D6E5');
const tick = hex('#F2B632');

/** 192 × 192, full colour, on the accent colour; the symbol stays inside the central area. */
export function colourIcon(): Buffer {
  const canvas = new Canvas(192, 192);
  canvas.fill(rect(0, 0, 192, 192), hex(ACCENT));

  const body = roundedRect(48, 98, 144, 150, 7);
  const lid = roundedRect(40, 84, 152, 100, 5);
  const slot = roundedRect(68, 89, 124, 95, 3);
  canvas.fill(body, white).fill(rect(48, 98, 144, 101), hex(ACCENT, 0.35));
  canvas.fill(lid, white).fill(slot, slotShade);
  canvas.fill(roundedRect(80, 114, 112, 122, 3), labelShade);

  // The ballot stands in the slot: only what is above the slot's lower edge shows.
  const ballot = clip(roundedRect(75, 34, 117, 120, 4), rect(0, 0, 192, 93));
  canvas.fill(ballot, white);
  canvas.fill(
    stroke(
      [
        [85, 60],
        [94, 70],
        [108, 50],
      ],
      7,
    ),
    tick,
  );
  return canvas.toPng();
}

/** 32 × 32, white on transparent, for the Teams app bar. */
export function outlineIcon(): Buffer {
  const canvas = new Canvas(32, 32);
  const body = minus(roundedRect(5, 17, 27, 29, 2), roundedRect(7.2, 17, 24.8, 26.8, 1));
  const lid = minus(roundedRect(3, 13.5, 29, 17, 1), rect(7.5, 14.5, 24.5, 16));
  canvas.fill(union(body, lid), white);

  const ballot = clip(roundedRect(11, 2, 21, 20, 1.2), rect(0, 0, 32, 15.5));
  const check = stroke(
    [
      [13.2, 8.8],
      [15.4, 11],
      [18.9, 6.2],
    ],
    2,
  );
  canvas.fill(minus(ballot, check), white);
  return canvas.toPng();
}
