import type { Page } from '@playwright/test';
import { expect, openPreset, screenshot, test } from './fixtures';

/** The topology's rendered width and the smallest font size of its labels, in CSS pixels. */
async function topologyRoom(
  page: Page,
): Promise<{ widthPx: number; smallestLabelPx: number; label: string }> {
  return page.getByRole('group', { name: 'System topology' }).evaluate((svg: SVGSVGElement) => {
    let smallest = Infinity;
    let label = '';
    for (const text of svg.querySelectorAll('text')) {
      if (text.getBoundingClientRect().width === 0) continue;
      // The font size in view units times the drawing's scale on screen.
      const px = parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 1);
      if (px < smallest) [smallest, label] = [px, text.textContent ?? ''];
    }
    return { widthPx: svg.getBoundingClientRect().width, smallestLabelPx: smallest, label };
  });
}

async function openLessonOne(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 3');
}

for (const { width, height, minTopologyPx } of [
  { width: 1280, height: 720, minTopologyPx: 500 },
  { width: 1024, height: 768, minTopologyPx: 400 },
]) {
  test(`at ${width}×${height} with a lesson open the topology keeps ${minTopologyPx} px and labels of 10 px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openLessonOne(page);
    await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
    const room = await topologyRoom(page);
    expect(room.widthPx, 'topology width').toBeGreaterThanOrEqual(minTopologyPx);
    expect(room.smallestLabelPx, `smallest label ("${room.label}")`).toBeGreaterThanOrEqual(10);
    // Nothing collapses: the controls, the caches and the events keep a usable width too.
    for (const name of ['Controls', 'Caches and events']) {
      const box = await page.getByRole('region', { name, exact: true }).boundingBox();
      expect(box?.width ?? 0, `${name} width`).toBeGreaterThanOrEqual(240);
      expect(box?.height ?? 0, `${name} height`).toBeGreaterThanOrEqual(200);
    }
    await screenshot(page, `layout-lesson-${width}`);
  });
}

for (const { width, height, lesson } of [
  { width: 1280, height: 720, lesson: false },
  { width: 1280, height: 720, lesson: true },
  { width: 1024, height: 768, lesson: false },
  { width: 1024, height: 768, lesson: true },
]) {
  test(`at ${width}×${height}${lesson ? ' with a lesson open' : ''} every drop-down shows its longest option whole`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    if (lesson) await openLessonOne(page);
    else await page.goto('/');
    await expect(page.getByTestId('total-requests')).toBeVisible();
    // Open every section, so each drop-down is laid out.
    await page
      .locator('details')
      .evaluateAll((all: HTMLDetailsElement[]) => all.forEach((d) => (d.open = true)));
    const cut = await page.locator('select').evaluateAll((selects: HTMLSelectElement[]) => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
      document.body.append(probe);
      const out: string[] = [];
      const name = (select: HTMLSelectElement) =>
        select.getAttribute('aria-label') ?? select.labels[0]?.firstChild?.textContent?.trim();
      for (const select of selects) {
        if (select.getClientRects().length === 0) continue;
        probe.style.font = getComputedStyle(select).font;
        const style = getComputedStyle(select);
        // The room for text: the box less its padding and the arrow (about 20 px in Chromium).
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        // Nor may its column cut it off on the right.
        const column = select.closest('main > *, header')!;
        const columnRight = column.getBoundingClientRect().left + column.clientWidth;
        if (select.getBoundingClientRect().right > columnRight + 1)
          out.push(`${name(select)}: past its column`);
        for (const option of select.options) {
          probe.textContent = option.text;
          if (probe.getBoundingClientRect().width > room) out.push(`${name(select)}: "${option.text}"`);
        }
      }
      probe.remove();
      return out;
    });
    expect(cut, 'options cut short').toEqual([]);
  });
}

test("at 1280×720 the header's buttons stay put when the run reaches its end and says so", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPreset(page, 'flash-sale');
  const compare = page.getByRole('button', { name: 'Compare with…' });
  const before = await compare.boundingBox();
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished');
  // The "finished" badge once widened the time and sent "Compare with…" to the next row.
  expect(await compare.boundingBox()).toEqual(before);
});
