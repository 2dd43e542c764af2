import { beforeAll, describe, expect, it } from 'vitest'
import { errorcodeOf, opm, type CallResult, type OpmanagerTarget } from './target'

/** OpManager's header-only URLs besides listAlarms (decisions/085), with what each does (decisions/090). */
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

const BOUNDARY = 'opsmocks-boundary-7MA4YWxk'

/** A multipart/form-data body with text fields and one file part, as a browser upload sends it. */
function multipart(fields: Record<string, string>, file: { name: string; filename: string; content: string }): string {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  parts.push(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: text/plain\r\n\r\n${file.content}\r\n`,
  )
  return `${parts.join('')}--${BOUNDARY}--\r\n`
}

export function headerOnlyContract(target: OpmanagerTarget): void {
  const post = (path: string, form: Record<string, string>) => opm(target, `/api/json/${path}`, { form })
  const upload = (path: string, fields: Record<string, string>, filename: string, content: string) =>
    opm(target, `/api/json/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart(fields, { name: 'file', filename, content }),
    })
  const message = (result: CallResult) => result.json?.result?.message as string | undefined

  describe.runIf(target.kind === 'mock')('header-only URLs', () => {
    beforeAll(() => target.control!.reset())

    it('lists 16 header-only URLs with listAlarms', () => {
      expect(new Set([...HEADER_ONLY, 'alarm/listAlarms']).size).toBe(16)
    })

    for (const path of HEADER_ONLY) {
      it(`${path} refuses a key sent as a query or form parameter, and with a header key asks for its missing parameters`, async () => {
        const url = `/api/json/${path}`
        expect(errorcodeOf(await opm(target, url, { method: 'POST', keyIn: 'query' }))).toBe('API_KEY_NOT_IN_HEADER')
        expect(errorcodeOf(await opm(target, url, { keyIn: 'form', form: {} }))).toBe('API_KEY_NOT_IN_HEADER')
        expect(errorcodeOf(await opm(target, url, { method: 'POST' }))).toBe('LESS_THAN_MIN_OCCURANCE')
      })
    }

    it('addLinuxCredential adds a credential listCredentials shows; a second one of that name changes nothing', async () => {
      const credential = { credentialName: 'linux-ops', userName: 'opsadmin', password: 's3cret', protocol: 'SSH', port: '2222' }
      expect(await post('admin/addLinuxCredential', credential)).toMatchObject({
        json: { result: { message: 'Credential has been successfully added.' } },
      })
      const list = async () => (await opm(target, '/api/json/admin/listCredentials')).json as any[]
      const added = (await list()).find((item) => item.credentialName === 'linux-ops')
      expect(added).toMatchObject({ credentialType: 'SSH', credentialID: expect.any(String) })
      expect(JSON.stringify(await list())).not.toContain('s3cret')
      const before = await list()
      expect(errorcodeOf(await post('admin/addLinuxCredential', { ...credential, credentialName: 'LINUX-OPS' }))).toBe(
        'CREDENTIAL_ALREADY_EXISTS',
      )
      expect(errorcodeOf(await post('admin/addLinuxCredential', { ...credential, credentialName: 'x', port: '70000' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(errorcodeOf(await post('admin/addLinuxCredential', { credentialName: 'y', userName: 'u', sshKeyName: 'nope' }))).toBe(
        'SSH_KEY_NOT_FOUND',
      )
      expect(await list()).toEqual(before)
    })

    it('importSSHKey keeps a key addLinuxCredential can then use instead of a password', async () => {
      const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpsmocksExampleKey noc@example'
      expect(message(await upload('ncmsettings/importSSHKey', { keyName: 'noc-key' }, 'noc.pub', key))).toBe(
        'SSH key has been successfully imported.',
      )
      expect(errorcodeOf(await post('ncmsettings/importSSHKey', { keyName: 'noc-key', sshKey: key }))).toBe('SSH_KEY_ALREADY_EXISTS')
      expect(errorcodeOf(await post('ncmsettings/importSSHKey', { keyName: 'bad', sshKey: 'hello' }))).toBe('PATTERN_NOT_MATCHED')
      expect(message(await post('admin/addLinuxCredential', { credentialName: 'linux-key', userName: 'noc', sshKeyName: 'noc-key' }))).toBe(
        'Credential has been successfully added.',
      )
    })

    it('discovery profiles: add (v1 and v2), refuse a duplicate or an unknown credential, edit by name and rename', async () => {
      const profile = {
        profileName: 'Frankfurt DMZ',
        discoveryType: 'IPRange',
        startIp: '10.30.0.1',
        endIp: '10.30.0.254',
        credentials: 'public-v2c,ssh-linux',
      }
      expect(message(await post('discovery/addDiscoveryProfile', profile))).toBe(
        "Discovery profile 'Frankfurt DMZ' has been successfully added.",
      )
      expect(errorcodeOf(await post('v2/discovery/addDiscoveryProfile', profile))).toBe('DISCOVERY_PROFILE_ALREADY_EXISTS')
      expect(
        message(
          await post('v2/discovery/addDiscoveryProfile', {
            profileName: 'Lab',
            discoveryType: 'CIDR',
            cidr: '10.99.0.0/24',
            credentials: 'public-v2c',
          }),
        ),
      ).toBe("Discovery profile 'Lab' has been successfully added.")
      expect(errorcodeOf(await post('discovery/addDiscoveryProfile', { ...profile, profileName: 'W', credentials: ' , ' }))).toBe(
        'LESS_THAN_MIN_OCCURANCE',
      )
      expect(errorcodeOf(await post('discovery/addDiscoveryProfile', { ...profile, profileName: 'X', credentials: 'nope' }))).toBe(
        'CREDENTIAL_NOT_FOUND',
      )
      expect(errorcodeOf(await post('discovery/addDiscoveryProfile', { ...profile, profileName: 'Y', endIp: '10.29.0.1' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(
        errorcodeOf(await post('discovery/addDiscoveryProfile', { ...profile, profileName: 'Z', startIp: '10.0.0.1', endIp: '10.9.0.1' })),
      ).toBe('PATTERN_NOT_MATCHED')
      // Edit by name, renaming; the old name is then unknown and the new one taken.
      expect(
        message(
          await post('discovery/editDiscoveryProfile', {
            profileName: 'Frankfurt DMZ',
            newProfileName: 'FRA DMZ',
            probeName: 'Frankfurt-Probe',
          }),
        ),
      ).toBe("Discovery profile 'FRA DMZ' has been successfully updated.")
      expect(errorcodeOf(await post('v2/discovery/editDiscoveryProfile', { profileName: 'Frankfurt DMZ' }))).toBe(
        'DISCOVERY_PROFILE_NOT_FOUND',
      )
      expect(errorcodeOf(await post('v2/discovery/editDiscoveryProfile', { profileName: 'Lab', newProfileName: 'fra dmz' }))).toBe(
        'DISCOVERY_PROFILE_ALREADY_EXISTS',
      )
      expect(errorcodeOf(await post('discovery/editDiscoveryProfile', { profileName: 'FRA DMZ', probeName: 'Mars' }))).toBe(
        'PROBE_NOT_FOUND',
      )
    })

    it('ipam/addSubnet adds a subnet listSubnets shows with the devices inside it; a known subnet is refused', async () => {
      const before = (await opm(target, '/api/json/device/listSubnets')).json
      expect(
        message(await post('ipam/addSubnet', { subnetAddress: '10.90.0.0', subnetMask: '255.255.0.0', description: 'Lab network' })),
      ).toBe('Subnet has been successfully added.')
      const after = (await opm(target, '/api/json/device/listSubnets')).json
      const added = Object.keys(after).filter((key) => !(key in before))
      expect(added).toHaveLength(1)
      expect(added[0]).toMatch(/^10\.90\.0\.0\.\d+$/)
      expect(after[added[0]!]).toEqual({ displayName: '10.90.0.0', subnetDisplayName: 'Lab network', data: [] })
      // A subnet over discovered devices counts them by status, like the discovered /24s: 10.10.4.0/22 holds four.
      await post('ipam/addSubnet', { subnetAddress: '10.10.4.0', subnetMask: '22', probeName: 'London-Probe' })
      const london = Object.entries((await opm(target, '/api/json/device/listSubnets')).json).find(([key]) => key.startsWith('10.10.4.0.'))
      expect(london?.[1]).toMatchObject({ subnetDisplayName: '10.10.4.0/22' })
      expect((london?.[1] as any).data.reduce((sum: number, item: any) => sum + Number(item.Count), 0)).toBe(4)
      expect(errorcodeOf(await post('ipam/addSubnet', { subnetAddress: '10.90.0.0', subnetMask: '255.255.0.0' }))).toBe(
        'SUBNET_ALREADY_EXISTS',
      )
      expect(errorcodeOf(await post('ipam/addSubnet', { subnetAddress: '10.10.0.0', subnetMask: '24' }))).toBe('SUBNET_ALREADY_EXISTS')
      expect(errorcodeOf(await post('ipam/addSubnet', { subnetAddress: '10.91.0.5', subnetMask: '24' }))).toBe('PATTERN_NOT_MATCHED')
      expect(errorcodeOf(await post('ipam/addSubnet', { subnetAddress: '10.92.0.0', subnetMask: '255.0.255.0' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(errorcodeOf(await post('ipam/addSubnet', { subnetAddress: '10.93.0.0', subnetMask: '24', probeName: 'Mars' }))).toBe(
        'PROBE_NOT_FOUND',
      )
    })

    it('spm/addSwitch adds an inventory switch once and refuses other devices', async () => {
      expect(message(await post('spm/addSwitch', { deviceName: 'access-sw-01' }))).toBe(
        'Switch has been successfully added to Switch Port Mapper.',
      )
      expect(errorcodeOf(await post('spm/addSwitch', { deviceName: '10.10.1.11' }))).toBe('SWITCH_ALREADY_EXISTS')
      expect(errorcodeOf(await post('spm/addSwitch', { deviceName: '10.10.0.1' }))).toBe('DEVICE_NOT_A_SWITCH')
      expect(errorcodeOf(await post('spm/addSwitch', { deviceName: 'access-sw-02', credentialName: 'ssh-linux' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(errorcodeOf(await post('spm/addSwitch', { deviceName: 'nope' }))).toBe('DEVICE_NOT_FOUND')
    })

    it('NCM: devices imported from a file take host names, custom columns and groups; others are refused whole', async () => {
      // Host names before the import: the device is not in NCM yet.
      expect(errorcodeOf(await post('ncmdevice/updateHostNamefromFileImp', { hostNames: '10.10.0.1,rtr.example.net' }))).toBe(
        'NCM_DEVICE_NOT_FOUND',
      )
      const imported = await upload(
        'ncmsettings/importDevices',
        {},
        'devices.csv',
        'DeviceName,Credential\r\n10.10.0.1,ssh-linux\r\ncore-sw-01\r\n',
      )
      expect(message(imported)).toBe('2 device(s) imported into Network Configuration Manager; 0 already there.')
      expect(message(await post('ncmsettings/importDevices', { deviceList: '10.10.0.1\n10.10.1.2' }))).toBe(
        '1 device(s) imported into Network Configuration Manager; 1 already there.',
      )
      expect(errorcodeOf(await post('ncmsettings/importDevices', { deviceList: '10.10.1.11\nnope' }))).toBe('DEVICE_NOT_FOUND')
      // The refused file added nothing: access-sw-01 is still outside NCM.
      expect(errorcodeOf(await post('ncmdevice/updateHostNamefromFileImp', { hostNames: '10.10.1.11,sw.example.net' }))).toBe(
        'NCM_DEVICE_NOT_FOUND',
      )

      expect(message(await post('ncmdevice/updateHostNamefromFileImp', { hostNames: '10.10.0.1,rtr-01.lon.example.net' }))).toBe(
        'Host names updated for 1 device(s).',
      )
      expect(errorcodeOf(await post('ncmdevice/updateHostNamefromFileImp', { hostNames: '10.10.0.1,bad name!' }))).toBe(
        'PATTERN_NOT_MATCHED',
      )
      expect(
        message(
          await post('ncmdevice/editCustomColfromFileImp', {
            customColumns: 'DeviceName,Rack,Owner\n10.10.0.1,LON 1,Network\ncore-sw-01,LON 3,Network',
          }),
        ),
      ).toBe('Custom column values updated for 2 device(s).')
      expect(errorcodeOf(await post('ncmdevice/editCustomColfromFileImp', { customColumns: 'Rack\nLON 1' }))).toBe('PATTERN_NOT_MATCHED')

      expect(message(await post('ncmdevice/importDG', { deviceGroups: 'GroupName,Device\nCore,10.10.0.1\nCore,core-sw-01' }))).toBe(
        '1 device group(s) imported.',
      )
      expect(errorcodeOf(await post('ncmdevice/importDG', { deviceGroups: 'Core,10.10.1.2' }))).toBe('NCM_GROUP_ALREADY_EXISTS')
      expect(errorcodeOf(await post('ncmdevice/importDG', { deviceGroups: 'Edge,10.10.0.1\nEdge,10.10.1.11' }))).toBe(
        'NCM_DEVICE_NOT_FOUND',
      )
      // The refused file created no group: Edge is still free.
      expect(message(await post('ncmdevice/importDG', { deviceGroups: 'Edge,10.10.0.1' }))).toBe('1 device group(s) imported.')
    })

    it('configlets: upload a file, preview its commands and variables, import it once', async () => {
      const content = '# set a port description\ninterface %PORT%\n description %DESC%\n no shutdown\n'
      expect(message(await upload('ncmsettings/uploadConfigletFile', {}, 'port-description.txt', content))).toBe(
        "The file 'port-description.txt' has been uploaded.",
      )
      expect((await post('ncmsettings/uploadConfigletPreView', { fileName: 'port-description.txt' })).json).toEqual({
        fileName: 'port-description.txt',
        commands: ['interface %PORT%', ' description %DESC%', ' no shutdown'],
        variables: ['PORT', 'DESC'],
      })
      // A preview of a file sent with the request stores nothing.
      expect((await upload('ncmsettings/uploadConfigletPreView', {}, 'vlan.txt', 'vlan %VLAN%\n')).json.variables).toEqual(['VLAN'])
      expect(errorcodeOf(await post('ncmsettings/importConfiglets', { fileName: 'vlan.txt' }))).toBe('CONFIGLET_FILE_NOT_FOUND')

      expect(message(await post('ncmsettings/importConfiglets', { fileName: 'port-description.txt' }))).toBe(
        "Configlet 'port-description' has been successfully imported.",
      )
      // The upload was consumed by the import; uploaded again, the same name is refused.
      expect(errorcodeOf(await post('ncmsettings/uploadConfigletPreView', { fileName: 'port-description.txt' }))).toBe(
        'CONFIGLET_FILE_NOT_FOUND',
      )
      await post('ncmsettings/uploadConfigletFile', { fileName: 'port-description.txt', fileContent: content })
      expect(errorcodeOf(await post('ncmsettings/importConfiglets', { fileName: 'port-description.txt' }))).toBe('CONFIGLET_ALREADY_EXISTS')
      expect(errorcodeOf(await post('ncmsettings/uploadConfigletFile', { fileName: 'empty.txt', fileContent: '# nothing\n' }))).toBe(
        'LESS_THAN_MIN_OCCURANCE',
      )
    })

    it('a key sent as a multipart field of an upload is refused like any parameter key', async () => {
      const result = await opm(target, '/api/json/ncmsettings/importDevices', {
        key: null,
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: multipart({ apiKey: target.credentials.adminKey }, { name: 'file', filename: 'devices.csv', content: '10.10.1.12\n' }),
      })
      expect(errorcodeOf(result)).toBe('API_KEY_NOT_IN_HEADER')
    })

    it('an unreadable multipart body is refused with the vendor error, not a crash', async () => {
      const result = await opm(target, '/api/json/ncmsettings/importDevices', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data' },
        body: 'not multipart',
      })
      expect(errorcodeOf(result)).toBe('UNABLE_TO_PARSE_DATA_TYPE')
    })
  })
}
