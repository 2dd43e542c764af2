import { expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** `npm run docs` output must render with no network at all (npm test builds it before this runs). */
for (const vendor of ['opsview', 'opscenter', 'opmanager']) {
  const file = fileURLToPath(new URL(`../../dist/docs/${vendor}.html`, import.meta.url))
  const specFile = fileURLToPath(new URL(`../../mocks/generated/${vendor}.openapi.json`, import.meta.url))

  test(`the ${vendor} reference renders an operation page offline`, async ({ page }) => {
    test.skip(!existsSync(file), `dist/docs/${vendor}.html not built (run npm run docs)`)
    const spec = JSON.parse(readFileSync(specFile, 'utf8'))
    const [firstOperation] = Object.values(spec.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>)
      .flatMap((item) => Object.values(item))
      .filter((operation) => operation.summary && operation.tags?.length)
    const external: string[] = []
    await page.route(/^https?:/, (route) => {
      external.push(route.request().url())
      return route.abort()
    })
    await page.goto(`file://${file}`)
    await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(spec.info.title)
    await page.getByText(firstOperation!.tags![0]!, { exact: true }).first().click()
    await page.getByText(firstOperation!.summary!, { exact: true }).first().click()
    await expect(page).toHaveURL(/#\/[^/]+\/[^/]+$/)
    await expect(page.locator('h1, h2', { hasText: firstOperation!.summary! }).first()).toBeVisible()
    // Only Redocly's "API docs by" logo is fetched from outside, and hides itself when it cannot load.
    expect(external.filter((url) => !/redoc(ly)?\.(ly|com)/.test(url))).toEqual([])
  })
}

test("the docs index renders each spec's Markdown summary, not its backticks", async ({ page }) => {
  const index = fileURLToPath(new URL('../../dist/docs/index.html', import.meta.url))
  test.skip(!existsSync(index), 'dist/docs/index.html not built (run npm run docs)')
  await page.goto(`file://${index}`)
  await expect(page.locator('li code', { hasText: '/rest' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText('`')
})
