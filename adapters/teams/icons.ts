// The app's two icons, drawn in code so the package has no binary files to keep in step: a
// speech bubble with three dots. Each pixel is sampled 4×4 times and blended by coverage, so the
// curves are smooth at 192 px and the 32 px outline stays crisp instead of jagged.
import { encodePng, type Pixel } from "./png.js";

const ACCENT: Pixel = [0, 105, 120, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const SAMPLES = 4;

type Shape = (x: number, y: number) => boolean;

/** A rounded rectangle in unit coordinates (0..1 across the icon). */
function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}

/** The bubble's tail: a triangle under its lower left. */
function tail(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const [s1, s2, s3] = [side(ax, ay, bx, by, x, y), side(bx, by, cx, cy, x, y), side(cx, cy, ax, ay, x, y)];
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

const dots: Shape = (x, y) => [0.36, 0.5, 0.64].some((cx) => Math.hypot(x - cx, y - 0.47) <= 0.045);

function bubble(inset: number): Shape {
  const body = roundedRect(0.18 + inset, 0.26 + inset, 0.82 - inset, 0.68 - inset, 0.1);
  const point = tail(0.3 + inset, 0.66 - inset, 0.46 - inset, 0.66 - inset, 0.26 + inset, 0.8 - 2 * inset);
  return (x, y) => body(x, y) || point(x, y);
}

function draw(size: number, paint: (x: number, y: number) => Pixel): Buffer {
  return encodePng(size, (px, py) => {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let i = 0; i < SAMPLES; i++)
      for (let j = 0; j < SAMPLES; j++) {
        const [sr, sg, sb, sa] = paint((px + (i + 0.5) / SAMPLES) / size, (py + (j + 0.5) / SAMPLES) / size);
        // Weighted by alpha, so a half-covered edge pixel blends toward the shape's colour.
        [r, g, b, a] = [r + sr * sa, g + sg * sa, b + sb * sa, a + sa];
      }
    return a === 0 ? [0, 0, 0, 0] : [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round(a / SAMPLES / SAMPLES)];
  });
}

/** 192×192, full colour: a white bubble with accent dots on the accent background. */
export function colorIcon(): Buffer {
  const shape = bubble(0);
  return draw(192, (x, y) => (shape(x, y) && !dots(x, y) ? WHITE : ACCENT));
}

/** 32×32, white on transparent as Teams requires: the bubble's outline and its dots. */
export function outlineIcon(): Buffer {
  const [outer, inner] = [bubble(0), bubble(0.07)];
  const clear: Pixel = [255, 255, 255, 0];
  return draw(32, (x, y) => ((outer(x, y) && !inner(x, y)) || dots(x, y) ? WHITE : clear));
}
