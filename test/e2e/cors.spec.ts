import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

/** `opsmocks start` (the built CLI) called by a page on another origin: the e2e app's dev server. */
const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url))
const VENDORS = ['opsview', 'opscenter', 'opmanager'] as const

async function startMocks(extra: string[] = []): Promise<{ child: ChildProcess; query: string }> {
  const child = spawn(process.execPath, [CLI, ...VENDORS.flatMap((vendor) => [`--${vendor}-port`, '0']), ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let banner = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => (banner += chunk) && banner.includes('opsmocks ready') && resolve())
    child.once('exit', (code) => reject(new Error(`opsmocks exited with ${code}: ${banner}`)))
  })
  const url = (title: string) => new RegExp(`${title}\\s+(http://\\S+)`).exec(banner)![1]!
  const query = new URLSearchParams({ opsview: url('Opsview'), opscenter: url('OpsCenter'), opmanager: url('OpManager') })
  return { child, query: query.toString() }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}

test('a page on another origin logs in to each mock and reads from it (CORS on for loopback origins by default)', async ({ page }) => {
  const { child, query } = await startMocks()
  try {
    await page.goto(`/cors.html?${query}`)
    expect(new URL(page.url()).origin).not.toBe(new URL(new URLSearchParams(query).get('opsview')!).origin)
    await page.getByRole('button', { name: 'Log in to each mock and read' }).click()
    await expect(page.locator('#opsview')).toHaveText('20 hosts')
    await expect(page.locator('#opscenter')).toHaveText('6 nodes')
    await expect(page.locator('#opmanager')).toHaveText(/^[1-9][0-9]* alarms$/)
  } finally {
    await stop(child)
  }
})

test('with --cors off the browser blocks the same calls', async ({ page }) => {
  const { child, query } = await startMocks(['--cors', 'off'])
  try {
    await page.goto(`/cors.html?${query}`)
    await page.getByRole('button', { name: 'Log in to each mock and read' }).click()
    for (const vendor of VENDORS) await expect(page.locator(`#${vendor}`)).toHaveText(/^failed: /)
  } finally {
    await stop(child)
  }
})
