import { describe, expect, it } from 'vitest'
import { errorcodeOf, opm, type OpmanagerTarget } from './target'

/** OpManager's header-only URLs besides listAlarms (decisions/085). */
const HEADER_ONLY = [
  'admin/addLinuxCredential',
  'discovery/addDiscoveryProfile',
  'discovery/editDiscoveryProfile',
  'v2/discovery/addDiscoveryProfile',
  'v2/discovery/editDiscoveryProfile',
  'ncmsettings/importSSHKey',
  'ncmsettings/importDevices',
  'ncmsettings/uploadConfigletFile',
  'ncmsettings/uploadConfigletPreView',
  'ncmsettings/importConfiglets',
  'ncmdevice/updateHostNamefromFileImp',
  'ncmdevice/editCustomColfromFileImp',
  'ncmdevice/importDG',
  'ipam/addSubnet',
  'spm/addSwitch',
]

export function headerOnlyContract(target: OpmanagerTarget): void {
  describe.runIf(target.kind === 'mock')('header-only URLs', () => {
    it('lists 16 header-only URLs with listAlarms', () => {
      expect(new Set([...HEADER_ONLY, 'alarm/listAlarms']).size).toBe(16)
    })

    for (const path of HEADER_ONLY) {
      it(`${path} refuses a key sent as a query or form parameter and says it is not modelled with a header key`, async () => {
        const url = `/api/json/${path}`
        expect(errorcodeOf(await opm(target, url, { method: 'POST', keyIn: 'query' }))).toBe('API_KEY_NOT_IN_HEADER')
        expect(errorcodeOf(await opm(target, url, { keyIn: 'form', form: {} }))).toBe('API_KEY_NOT_IN_HEADER')
        expect(errorcodeOf(await opm(target, url, { method: 'POST' }))).toBe('OPERATION_NOT_MODELLED')
      })
    }
  })
}
