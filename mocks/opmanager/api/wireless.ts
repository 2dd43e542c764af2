import { seriesValue, lastSlot } from '../resources/series'
import type { AccessPointRecord } from '../resources/wireless'
import type { OpmanagerStore } from '../store'
import { ok, operation } from './operation'

const CLIENTS = { base: 9, swing: 7, noise: 3, min: 0, max: 60 }

/** Clients of one SSID on one AP now: a deterministic series per AP and SSID; none while the controller is down. */
function clients(store: OpmanagerStore, ap: AccessPointRecord, ssid: string, now: number): number {
  const controller = store.devices.find(ap.controller)
  if (!controller || store.isDown(controller)) return 0
  const ssidIndex = [...ssid].reduce((sum, char) => sum + char.charCodeAt(0), 0)
  return seriesValue(CLIENTS, store.monitors.seed, 200_000 + Number(ap.id), ssidIndex, lastSlot(now, 5))
}

const throughput = (count: number) => `${(count * 1.407).toFixed(3)} MBps`

function controllerParam(store: OpmanagerStore, name: string) {
  return store.devices.get(name)
}

const getWirelessNetworkDetails = operation('getWirelessNetworkDetails', ({ store, clock }, _caller, params) => {
  const controller = controllerParam(store, params.required('deviceName'))
  const aps = store.wireless.ofController(controller.deviceName)
  const now = clock.now()
  return ok(
    store.wireless.ssidsOf(controller.deviceName).map((ssid) => {
      const broadcasting = aps.filter((ap) => ap.ssids.includes(ssid))
      const count = broadcasting.reduce((sum, ap) => sum + clients(store, ap, ssid, now), 0)
      return { SSIDName: ssid, APCount: String(broadcasting.length), ClientCount: String(count), TotalBytes: throughput(count) }
    }),
  )
})

const getWirelessAPList = operation('getWirelessAPList', ({ store }, _caller, params) => {
  const controller = controllerParam(store, params.required('deviceName'))
  const status = store.isDown(controller) ? 1 : 5
  return ok(
    store.wireless.ofController(controller.deviceName).map((ap) => ({
      apName: ap.name,
      apDisplayName: ap.displayName,
      ipAddress: ap.ipAddress,
      macAddress: ap.macAddress,
      channels: ap.channels,
      advanceMonitoringEnabled: String(ap.monitored),
      statusNum: ap.monitored ? String(status) : '7',
      statusStr: ap.monitored ? (status === 1 ? 'Critical' : 'Clear') : 'Not Monitored',
    })),
  )
})

const getSSIDClientList = operation('getSSIDClientList', ({ store, clock }, _caller, params) => {
  const controller = controllerParam(store, params.required('deviceName'))
  const aps = store.wireless.ofController(controller.deviceName)
  const now = clock.now()
  const clientData = store.wireless.ssidsOf(controller.deviceName).map((ssid) => ({
    displayName: ssid,
    ClientCount: String(aps.filter((ap) => ap.ssids.includes(ssid)).reduce((sum, ap) => sum + clients(store, ap, ssid, now), 0)),
  }))
  return ok({ clientData, clientCount: clientData.reduce((sum, item) => sum + Number(item.ClientCount), 0) })
})

const getClientDetails = operation('getClientDetails', ({ store, clock }, _caller, params) => {
  const controller = controllerParam(store, params.required('deviceName'))
  const ssid = params.optional('ssidName')
  const now = clock.now()
  return ok(
    store.wireless
      .ofController(controller.deviceName)
      .filter((ap) => ssid === undefined || ap.ssids.includes(ssid))
      .map((ap) => {
        const count = (ssid === undefined ? ap.ssids : [ssid]).reduce((sum, name) => sum + clients(store, ap, name, now), 0)
        return {
          apName: ap.displayName,
          APMOName: ap.name,
          ClientCount: String(count),
          TotalBytes: throughput(count),
          advanceMonitoringEnabled: String(ap.monitored),
        }
      }),
  )
})

export const WIRELESS_OPERATIONS = [getWirelessNetworkDetails, getWirelessAPList, getSSIDClientList, getClientDetails]
