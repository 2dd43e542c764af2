import { formatOpmTime, severityName, statusImage } from '../format'
import { ok, operation } from './operation'

const listProbes = operation(
  'listProbes',
  ({ store, clock }) =>
    ok(
      store.probes.all().map((probe) => {
        const devices = store.devices.all().filter((device) => device.probe === probe.name)
        const severity = probe.connected ? store.worstStatus(devices.map((device) => device.deviceName)) : 1
        return {
          probeID: probe.probeID,
          name: probe.name,
          probeDisplayName: probe.name,
          natName: probe.natName,
          natPort: String(probe.natPort),
          natProtocol: 'https',
          serverMode: 'PRIMARY',
          isConnected: String(probe.connected),
          serverStatus: probe.connected ? 'Server running' : 'Server down',
          lastContact: formatOpmTime(clock.now() - probe.lastContactMinutes * 60_000),
          contactPerson: probe.contactPerson,
          contactEmail: probe.contactEmail,
          deviceCount: String(devices.length),
          ipslaCount: '0',
          ncmCount: '-1',
          severity: String(severity),
          status: severityName(severity),
          statusImg: statusImage(severity).slice(1),
          attr: { name: { rowspan: '1' }, deviceCount: { rowspan: '1' }, lastContact: { rowspan: '1' } },
        }
      }),
    ),
  { module: 'Settings' },
)

export const ENTERPRISE_OPERATIONS = [listProbes]
