/**
 * A chart as a file for slides and reports. The charts that can be exported draw everything they show
 * (title, axes, units, legend, source) inside their SVG, in FileChartFrame, with presentation
 * attributes, not CSS, so the SVG file is complete on its own, and the PNG is that SVG drawn at twice
 * its size.
 */

/** The font of a chart drawn for a file: a generic family last, so that it renders anywhere. */
export const chartFileFont = 'system-ui, -apple-system, Segoe UI, sans-serif';

/** The chart's SVG as a standalone file. */
export function chartSvgBlob(svg: SVGSVGElement): Blob {
  return new Blob([svgText(svg)], { type: 'image/svg+xml' });
}

/**
 * The chart drawn to a PNG at `scale` times its size (2: sharp on a projector and in print). The SVG
 * is loaded as a data: URL, which the page's Content-Security-Policy allows for images.
 */
export async function chartPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.viewBox.baseVal;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw a PNG (no 2D canvas)');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
      'image/png',
    ),
  );
}

/** `Miss-ratio curve` and `public_zipf.csv.gz` → `cachescope-miss-ratio-curve-public-zipf-csv-gz.svg` (or its data's .csv). */
export function chartFileName(title: string, source: string, extension: 'svg' | 'png' | 'csv'): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `cachescope-${[slug(title), slug(source)].filter(Boolean).join('-')}.${extension}`;
}

function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.removeAttribute('role');
  copy.removeAttribute('class');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
