import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseWorldText } from './core/world'
import { createOpsviewService } from './opsview/service'
import { createOpscenterService } from './opscenter/service'
import { createOpmanagerService } from './opmanager/service'

/** The example worlds in README.md load, and the scenario calls shown beside them work on them. */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const examples = [...readme.matchAll(/```yaml\n(# (\S+\.yaml)[^\n]*\n[\s\S]*?)```/g)].map(([, text, file]) => ({
  file: file!,
  world: parseWorldText(text!, `README.md ${file}`),
}))
const example = (vendor: string) => examples.find(({ world }) => (world.document as { vendor?: string }).vendor === vendor)!

describe('README example worlds', () => {
  it('has one per vendor', () => {
    expect(examples.map(({ world }) => (world.document as { vendor: string }).vendor).sort()).toEqual(['opmanager', 'opscenter', 'opsview'])
  })

  it('loads the Opsview example and runs its scenario calls', async () => {
    const opsview = await createOpsviewService({ world: example('opsview').world })
    opsview.world.setServiceState({ host: 'till-01', service: 'Till Software', state: 'critical', output: 'CRITICAL - crashed' })
    opsview.world.setHostState({ host: 'till-01', state: 'down' })
  })

  it('loads the OpsCenter example and runs its scenario calls', async () => {
    const opscenter = await createOpscenterService({ world: example('opscenter').world })
    opscenter.world.setNodeState({ cluster: 'Shop', node: '10.9.0.2', state: 'up' })
    expect(opscenter.world.fireAlert({ cluster: 'Shop', rule: 'heap', node: '10.9.0.1' })).toMatchObject({ alert_rule_id: 'heap' })
  })

  it('loads the OpManager example and runs its scenario calls', async () => {
    const opmanager = await createOpmanagerService({ world: example('opmanager').world })
    await opmanager.world.fireAlarm({ device: 'till-01', severity: 'Trouble', alarmCode: 'PRINTER', message: 'paper low' })
    expect(await opmanager.world.clearAlarm({ entity: '1001_PRINTER' })).toMatchObject({ severity: 5 })
    expect(await opmanager.world.setDeviceState({ device: 'shop-rtr', state: 'down' })).toMatchObject({ down: true, status: 1 })
  })
})
