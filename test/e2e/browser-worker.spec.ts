import { expect, test } from '@playwright/test'

test('the service worker answers the Opsview API: log in, list hosts, create one and see it listed', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#status')).toHaveText('mocking enabled')
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/mockServiceWorker\.js$/)

  await page.getByRole('button', { name: 'Log in to Opsview' }).click()
  await expect(page.locator('#opsview-session')).toHaveText('logged in as admin')

  await page.getByRole('button', { name: 'List hosts' }).click()
  await expect(page.locator('#opsview-result')).toHaveText('20 hosts')
  await expect(page.locator('#opsview-hosts tr[data-host="web01"]')).toBeVisible()
  await expect(page.locator('#opsview-hosts tr[data-host="web09"]')).toHaveCount(0)

  await page.getByRole('button', { name: 'Create host' }).click()
  await expect(page.locator('#opsview-result')).toHaveText(/created host web09/)
  await expect(page.locator('#opsview-hosts tr[data-host="web09"]')).toContainText('UK Web Servers')
})

test("a wrong password is answered with Opsview's 401 message", async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#status')).toHaveText('mocking enabled')
  await page.locator('#opsview-login input[name="password"]').fill('wrong')
  await page.getByRole('button', { name: 'Log in to Opsview' }).click()
  await expect(page.locator('#opsview-result')).toHaveText('login failed: 401 Invalid username or password')
})

test("the service worker answers OpsCenter: log in and list a cluster's nodes", async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#status')).toHaveText('mocking enabled')
  await page.getByRole('button', { name: 'List Test_Cluster nodes' }).click()
  await expect(page.locator('#opscenter-result')).toHaveText('401 You must be logged in for this operation')
  await page.getByRole('button', { name: 'Log in to OpsCenter' }).click()
  await expect(page.locator('#opscenter-result')).toHaveText('logged in to OpsCenter')
  await page.getByRole('button', { name: 'List Test_Cluster nodes' }).click()
  await expect(page.locator('#opscenter-result')).toHaveText('6 nodes')
})

test('the service worker answers OpManager: list critical alarms and acknowledge one', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#status')).toHaveText('mocking enabled')
  await page.getByRole('button', { name: 'List critical alarms' }).click()
  await expect(page.locator('#opmanager-result')).toHaveText(/^[0-9]+ critical alarms$/)
  const first = page.locator('#opmanager-alarm-list li').first()
  await page.getByRole('button', { name: 'Acknowledge the first' }).click()
  await expect(page.locator('#opmanager-result')).toHaveText(/Acknowledged/)
  await expect(first).toContainText(': admin')
  await page.locator('#opmanager-key').fill('not-a-key')
  await page.getByRole('button', { name: 'List critical alarms' }).click()
  await expect(page.locator('#opmanager-result')).toHaveText(/^error [A-Z_]+: /)
})
