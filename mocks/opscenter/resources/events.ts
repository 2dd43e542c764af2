import { flagParam, integerParam, onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'

/**
 * The event log as DataStax documents it: `count` (default 10), `timestamp` in microseconds (default now)
 * and `reverse` (default 1: from the timestamp back in time, newest first).
 */
export const eventHandlers: ResourceHandlers<'listEvents'> = {
  listEvents: onCluster(PERMISSION.viewCluster, ({ store, clusterId, request }) => {
    const count = integerParam(request, 'count', 10, [1, 10000])
    const from = integerParam(request, 'timestamp', store.clock.now() * 1000)
    const reverse = flagParam(request, 'reverse', true)
    const events = store.runtimeOf(clusterId).events
    const page = reverse
      ? events
          .filter((event) => event.time <= from)
          .slice(-count)
          .reverse()
      : events.filter((event) => event.time >= from).slice(0, count)
    return ok(page.map((event) => ({ ...event })))
  }),
}
