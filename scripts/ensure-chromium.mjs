// Playwright drives Debian's Chromium (never a downloaded browser). Install it with apt when it is missing.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo '
  console.log(`${CHROMIUM} is missing; installing Debian's chromium package`)
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' })
}
