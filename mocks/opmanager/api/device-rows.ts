import { statusName } from '../format'
import type { DeviceRecord } from '../resources/devices'
import type { OpmanagerStore } from '../store'

/**
 * The identifying head of a device row in the details views (getBusinessDetailsView,
 * getInfrastructureDetailsView): names, address, type and the derived status, as the vendor keys them.
 */
export function deviceDetailsHead(store: OpmanagerStore, device: DeviceRecord) {
  const status = store.deviceStatus(device)
  return {
    name: device.deviceName,
    displayName: device.displayName,
    IpAddress: device.ipaddress,
    type: device.type,
    severity: String(status),
    status: statusName(status),
  }
}
