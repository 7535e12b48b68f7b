/**
 * A very small rasteriser: shapes are predicates over the plane, and each pixel's coverage is the
 * share of a grid of sample points inside the shape. Enough to draw crisp, anti-aliased icons from
 * a few rectangles, polygons and strokes, with no native image library.
 */
import { PNG } from 'pngjs';

/** A point is inside the shape when this returns true. Coordinates are in pixels, y downwards. */
export type Shape = (x: number, y: number) => boolean;

/** Red, green, blue in 0–255 and alpha in 0–1. */
export type Colour = readonly [number, number, number, number];

export function hex(value: string, alpha = 1): Colour {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (!match?.[1] || !match[2] || !match[3]) throw new Error(`not a #rrggbb colour: ${value}`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16), alpha];
}

export const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;

export const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, radius: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };

/** A polygon by its corners, filled by the even-odd rule. */
export const polygon =
  (points: readonly (readonly [number, number])[]): Shape =>
  (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] ?? [0, 0];
      const [xj, yj] = points[j] ?? [0, 0];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

/** A line through the points, `width` wide, with round joins and caps. */
export const stroke =
  (points: readonly (readonly [number, number])[], width: number): Shape =>
  (x, y) => {
    const limit = (width / 2) ** 2;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1] ?? [0, 0];
      const [bx, by] = points[i] ?? [0, 0];
      const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
      const t =
        lengthSquared === 0
          ? 0
          : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared));
      if ((x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= limit) return true;
    }
    return false;
  };

export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

export const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

export const clip =
  (shape: Shape, window: Shape): Shape =>
  (x, y) =>
    shape(x, y) && window(x, y);

/** Straight (not premultiplied) RGBA in 0–1, composited with the "over" operator. */
export class Canvas {
  private readonly pixels: Float64Array;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly samples = 8,
  ) {
    this.pixels = new Float64Array(width * height * 4);
  }

  /** Paints `colour` wherever `shape` covers a pixel, in proportion to the coverage. */
  fill(shape: Shape, colour: Colour): this {
    const [r, g, b, a] = colour;
    this.forEachCoverage(shape, (offset, coverage) => {
      const sourceAlpha = a * coverage;
      const destinationAlpha = this.at(offset + 3);
      const outAlpha = sourceAlpha + destinationAlpha * (1 - sourceAlpha);
      if (outAlpha === 0) return;
      const mix = (source: number, channel: number): number =>
        ((source / 255) * sourceAlpha +
          this.at(offset + channel) * destinationAlpha * (1 - sourceAlpha)) /
        outAlpha;
      this.pixels[offset] = mix(r, 0);
      this.pixels[offset + 1] = mix(g, 1);
      this.pixels[offset + 2] = mix(b, 2);
      this.pixels[offset + 3] = outAlpha;
    });
    return this;
  }

  /** Makes the canvas transparent where `shape` covers it, in proportion to the coverage. */
  erase(shape: Shape): this {
    this.forEachCoverage(shape, (offset, coverage) => {
      this.pixels[offset + 3] = this.at(offset + 3) * (1 - coverage);
    });
    return this;
  }

  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height, colorType: 6 });
    for (let i = 0; i < this.pixels.length; i++) {
      png.data[i] = Math.round(Math.min(1, Math.max(0, this.at(i))) * 255);
    }
    return PNG.sync.write(png, { colorType: 6 });
  }

  private at(offset: number): number {
    return this.pixels[offset] ?? 0;
  }

  private forEachCoverage(shape: Shape, paint: (offset: number, coverage: number) => void): void {
    const n = this.samples;
    for (let py = 0; py < this.height; py++) {
      for (let px = 0; px < this.width; px++) {
        let inside = 0;
        for (let sy = 0; sy < n; sy++) {
          for (let sx = 0; sx < n; sx++) {
            if (shape(px + (sx + 0.5) / n, py + (sy + 0.5) / n)) inside++;
          }
        }
        if (inside > 0) paint((py * this.width + px) * 4, inside / (n * n));
      }
    }
  }
}
