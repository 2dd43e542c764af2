import { deviceDetailsHead } from './device-rows'
import { ok, operation } from './operation'

/** Business views with their status and alarm count derived from their members (store.ts). */
const getBusinessView = operation('getBusinessView', ({ store }) =>
  ok({
    BusinessView: {
      Details: store.businessViews.all().map((view) => {
        const status = store.worstStatus(view.members)
        return {
          name: view.name,
          displayName: view.displayName,
          status: String(status),
          total: String(view.members.length),
          error: String(view.members.filter((name) => store.worstStatus([name]) !== 5).length),
          alarms: String(store.activeAlarmsOf(view.members).length),
        }
      }),
    },
  }),
)

const getBusinessDetailsView = operation('getBusinessDetailsView', ({ store, clock }, _caller, params) => {
  const view = store.businessViews.get(params.required('bvName'))
  const now = clock.now()
  const rows = view.members.flatMap((name) => {
    const device = store.devices.find(name)
    if (!device) return []
    const lastOf = (suffix: string) => store.monitors.lastValueOf(device.deviceName, suffix, now)
    return [
      {
        ...deviceDetailsHead(store, device),
        CPUUtilization: lastOf('CPUUtilization'),
        MemUtilization: lastOf('MemoryUtilization'),
      },
    ]
  })
  return ok({ BusinessDetailsView: { Details: rows, TotalRecords: String(rows.length) } })
})

export const BUSINESS_VIEW_OPERATIONS = [getBusinessView, getBusinessDetailsView]
