import { opmError } from '../errors'
import { prettyTime, severityName } from '../format'
import type { SeverityNumber } from '../spec-types'
import { SEVERITIES } from './alarms'
import { ok, operation, result } from './operation'
import { periodParam } from './periods'

const listEvents = operation('listEvents', ({ store, clock }, _caller, params) => {
  const deviceName = params.optional('deviceName')
  const severities = params.integerList('severity', SEVERITIES)
  const entity = params.optional('entity')
  const category = params.optional('category')
  const eventType = params.optional('eventType')
  const device = deviceName === undefined ? undefined : store.devices.find(deviceName)
  const now = clock.now()
  // `period` (a named period or custom with startDate/endDate) narrows the log; without it every event is listed.
  const period = params.optional('period') === undefined ? undefined : periodParam(params, now)
  const events =
    deviceName !== undefined && !device
      ? []
      : store.events.newestFirst(
          (event) =>
            (!device || event.deviceName === device.deviceName) &&
            (severities === undefined || severities.has(event.severity)) &&
            (entity === undefined || event.entity === entity) &&
            (eventType === undefined || event.eventType === eventType) &&
            (!period || (event.at >= period.from && event.at <= period.to)) &&
            (category === undefined || store.devices.find(event.deviceName)?.category === category),
        )
  const severityVsCount: Record<string, number> = {}
  const details = new Map<string, Map<SeverityNumber, number>>()
  const list = events.map((event) => {
    const owner = store.devices.find(event.deviceName)
    const categoryName = owner?.category ?? 'Unknown'
    const name = severityName(event.severity)
    severityVsCount[name] = (severityVsCount[name] ?? 0) + 1
    let perCategory = details.get(categoryName)
    if (!perCategory) details.set(categoryName, (perCategory = new Map()))
    perCategory.set(event.severity, (perCategory.get(event.severity) ?? 0) + 1)
    return {
      displayname: owner?.displayName ?? event.deviceName,
      text: event.message,
      category: categoryName,
      statusStr: name,
      statusNum: String(event.severity),
      modTimeLong: String(event.at),
      prettyTime: prettyTime(event.at, now),
    }
  })
  return ok({
    severityVsCount,
    List: list,
    Details: Object.fromEntries(
      [...details].map(([name, counts]) => [
        name,
        [...counts].sort((a, b) => b[0] - a[0]).map(([status, value]) => ({ value, status, label: severityName(status) })),
      ]),
    ),
  })
})

const addEvent = operation('addEvent', async ({ store }, _caller, params) => {
  const source = params.required('source', { maxLength: 250 })
  const severity = params.oneOf('severity', ['1', '2', '3', '4', '5'] as const)
  if (severity === undefined)
    throw opmError('BAD_REQUEST', 'LESS_THAN_MIN_OCCURANCE', "The parameter 'severity' is mandatory and was not sent.")
  await store.addEvent({
    source,
    severity: Number(severity) as SeverityNumber,
    message: params.required('message', { maxLength: 1000 }),
    alarmCode: params.required('alarmCode', { maxLength: 100 }),
    entity: params.required('entity', { maxLength: 250 }),
    eventType: params.optional('eventType', { maxLength: 100 }) ?? 'Custom Event',
  })
  return result('Event has been successfully generated.')
})

export const EVENT_OPERATIONS = [listEvents, addEvent]
