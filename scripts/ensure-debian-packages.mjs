// What the tests need from Debian, installed with apt when a machine has only Node and npm:
// Chromium for Playwright (never a downloaded browser) and the openssl command `--tls` makes its certificates with.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const onPath = (command) => {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const missing = [!existsSync(CHROMIUM) && 'chromium', !onPath('openssl') && 'openssl'].filter(Boolean)
if (missing.length > 0) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo '
  console.log(`installing Debian's ${missing.join(' and ')} (missing on this machine)`)
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
    stdio: 'inherit',
  })
}
