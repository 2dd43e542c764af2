import { expect, test } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The console at /__opsmocks/ on the built server (npm test builds it first): an app's failing request
 * under an injected fault shows up in the live journal, the clock moves, the world exports, and the page
 * loads nothing from the network.
 */
const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url))
const servers: ChildProcess[] = []
let url = ''
let opmanagerUrl = ''

/** The built server serving one vendor on a free port; resolves to its URL. */
function serve(vendor: 'opsview' | 'opmanager', title: string): Promise<string> {
  const server = spawn(process.execPath, [CLI, '--only', vendor, `--${vendor}-port`, '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  servers.push(server)
  return new Promise<string>((resolve, reject) => {
    let output = ''
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = new RegExp(`${title}\\s+(http://\\S+)`).exec(output)
      if (match && output.includes('opsmocks ready')) resolve(match[1]!)
    })
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)))
  })
}

test.beforeAll(async () => {
  test.skip(!existsSync(CLI), 'dist/server/cli.js not built (run npm run build:server)')
  ;[url, opmanagerUrl] = await Promise.all([serve('opsview', 'Opsview'), serve('opmanager', 'OpManager')])
})

test.afterAll(() => {
  for (const server of servers) server.kill('SIGTERM')
})

/** What the front-end app under development does: log in, then read the user. */
async function appCall(path: string, init?: RequestInit): Promise<number> {
  return (await fetch(`${url}${path}`, init)).status
}

test('the console shows the journal, injects a fault, moves the clock and exports the world', async ({ page }) => {
  const external: string[] = []
  await page.route(/^https?:/, (route) => {
    const requested = route.request().url()
    if (requested.startsWith(url)) return route.continue()
    external.push(requested)
    return route.abort()
  })
  await page.goto(`${url}/__opsmocks/`)
  await expect(page.locator('header .vendor')).toHaveText('Opsview')

  const login = await fetch(`${url}/rest/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'initial' }),
  }).then((response) => response.json())
  const headers = { 'X-Opsview-Username': 'admin', 'X-Opsview-Token': login.token }
  const journal = page.locator('#journal tbody')
  await expect(journal.locator('tr', { hasText: 'login' })).toBeVisible()

  // Every request fails: the app's next call is a 503 from the injected fault, and the journal says so.
  await page.locator('label.switch', { hasText: 'every request fails with 503' }).click()
  await expect(page.locator('#faults li', { hasText: '503' })).toBeVisible()
  expect(await appCall('/rest/user', { headers })).toBe(503)
  const failed = journal.locator('tr', { hasText: '/rest/user' }).first()
  await expect(failed).toContainText('503')
  await expect(failed).toContainText('fault')
  await expect(failed).toContainText('getUser')
  await page.locator('label.switch', { hasText: 'every request fails with 503' }).click()
  await expect(page.locator('#faults li', { hasText: 'No faults' })).toBeVisible()
  expect(await appCall('/rest/user', { headers })).toBe(200)
  await expect(journal.locator('tr', { hasText: '/rest/user' }).first()).toContainText('200')
  await expect(journal.locator('tr', { hasText: '/rest/nothing-here' })).toHaveCount(0)
  await appCall('/rest/nothing-here', { headers })
  await expect(journal.locator('tr.unmatched', { hasText: '/rest/nothing-here' })).toContainText('not served')

  // A day passes in mock time.
  await page.getByRole('button', { name: '+1 day' }).click()
  await expect(page.locator('#clock-offset')).toHaveText('(+1d)')

  // The world: hosts and their states; a snapshot; an export.
  await page.locator('#world-tabs button', { hasText: /^hosts \d/ }).click()
  await expect(page.locator('#world tbody tr', { hasText: 'web05' })).toContainText('down')
  await page.locator('#snapshot-form input').fill('before-checkout')
  await page.getByRole('button', { name: 'Take snapshot' }).click()
  await expect(page.locator('#snapshots li', { hasText: 'before-checkout' })).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export world (YAML)' }).click()])
  expect(download.suggestedFilename()).toBe('opsview-world.yaml')
  const exported = await (await download.createReadStream()).toArray()
  expect(Buffer.concat(exported).toString('utf8')).toMatch(/^vendor: opsview$/m)
  await expect(page.locator('#summary')).toContainText('operations called this session')

  await page.locator('#journal tbody tr', { hasText: '503' }).first().click()
  await expect(page.locator('#journal-detail')).toContainText('"x-opsview-token": "[redacted]"')
  await page.screenshot({ path: '.reports/console.png', fullPage: true })
  expect(external).toEqual([])
})

test('the OpManager console shows devices, interfaces and alarms, follows a scenario change and exports the world', async ({ page }) => {
  const external: string[] = []
  await page.route(/^https?:/, (route) => {
    const requested = route.request().url()
    if (requested.startsWith(opmanagerUrl)) return route.continue()
    external.push(requested)
    return route.abort()
  })
  await page.goto(`${opmanagerUrl}/__opsmocks/`)
  await expect(page.locator('header .vendor')).toHaveText('OpManager')
  await expect(page.locator('#world-tabs button', { hasText: 'devices › interfaces' })).toBeVisible()

  // A scenario step from a test: web-01 goes down; the console's alarms follow.
  const changed = await fetch(`${opmanagerUrl}/__opsmocks/world/setDeviceState`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ device: 'web-01', state: 'down' }),
  })
  expect(changed.status).toBe(200)
  await page.locator('#world-tabs button', { hasText: /^alarms/ }).click()
  await expect(page.locator('#world tbody tr', { hasText: 'Device web-01 is down' })).toContainText('Critical')
  await page.locator('#world-tabs button', { hasText: 'devices › interfaces' }).click()
  await expect(page.locator('#world tbody tr', { hasText: 'core-rtr-01' }).first()).toContainText('Gi0/1')

  await page.locator('#snapshot-form input').fill('web-01-down')
  await page.getByRole('button', { name: 'Take snapshot' }).click()
  await expect(page.locator('#snapshots li', { hasText: 'web-01-down' })).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()])
  expect(download.suggestedFilename()).toBe('opmanager-world.json')
  const world = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'))
  expect(world.vendor).toBe('opmanager')
  expect(world.alarms).toContainEqual(expect.objectContaining({ device: 'web-01', alarmcode: 'DEVICE-DOWN', severity: 'Critical' }))
  await page.screenshot({ path: '.reports/console-opmanager.png', fullPage: true })
  expect(external).toEqual([])
})
