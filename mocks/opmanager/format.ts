import type { SeverityNumber } from './spec-types'

/** OpManager's severity scale (alarms and events); devices add 7 = UnManaged. */
const SEVERITY_NAMES = { 1: 'Critical', 2: 'Trouble', 3: 'Attention', 4: 'Service Down', 5: 'Clear' } as const
export type SeverityName = (typeof SEVERITY_NAMES)[SeverityNumber]

export function severityName(severity: SeverityNumber): SeverityName {
  return SEVERITY_NAMES[severity]
}

/** The HTML fragment real servers put in an alarm's `severity` field. */
export function severityHtml(severity: SeverityNumber): string {
  return `<img src='/images/devices/status${severity}.gif'>&nbsp;${SEVERITY_NAMES[severity]}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (value: number) => String(value).padStart(2, '0')

/**
 * OpManager's localised time, `8 Mar 2024 06:17:07 PM IST`. Real servers use their own zone; the mock
 * always uses UTC so answers are the same on every machine (decisions/033).
 */
export function formatOpmTime(ms: number): string {
  const date = new Date(ms)
  const hours = date.getUTCHours()
  const hour12 = hours % 12 === 0 ? 12 : hours % 12
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(hour12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'} UTC`
}

/** `10 minutes ago`, as the device list's `prettyTime`. */
export function prettyTime(ms: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - ms) / 60_000))
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`
  const days = Math.floor(hours / 24)
  return `${days} day${days === 1 ? '' : 's'} ago`
}

const TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/

/**
 * The instant of a matched `yyyy-mm-dd[ hh:mm[:ss]]` (groups 1–6, UTC), and whether it carried a time;
 * `undefined` when a part is out of range (31 February, 24:00).
 */
export function utcInstant(match: RegExpExecArray): { ms: number; hasTime: boolean } | undefined {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)))
  const ms = Date.UTC(year!, month! - 1, day!, hour ?? 0, minute ?? 0, second ?? 0)
  const check = new Date(ms)
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || (hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59)
    return undefined
  return { ms, hasTime: hour !== undefined }
}

/**
 * Parses listAlarms' `fromTime`/`toTime` (`yyyy-mm-dd` or `yyyy-mm-dd hh:mm:ss`, UTC). A bare date
 * means the start of the day, or its last millisecond when `endOfDay` is set. `undefined` if malformed.
 */
export function parseOpmTime(text: string, endOfDay: boolean): number | undefined {
  const match = TIME_PATTERN.exec(text.trim())
  const instant = match ? utcInstant(match) : undefined
  if (!instant) return undefined
  return !instant.hasTime && endOfDay ? instant.ms + 86_399_999 : instant.ms
}

/** Status names including 7 = UnManaged (devices). */
export function statusName(status: SeverityNumber | 7): SeverityName | 'UnManaged' {
  return status === 7 ? 'UnManaged' : SEVERITY_NAMES[status]
}

/** The status icon path the vendor puts in `statusImg` / `severity` fields. */
export function statusImage(status: number): string {
  return `/images/devices/status${status}.gif`
}

/** `Mon, Nov 28, 2022 13:00:00`, the downtime list's next scheduled time (UTC). */
export function formatScheduleTime(ms: number): string {
  const date = new Date(ms)
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()]
  return `${day}, ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())}, ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
}

/** `2022-10-26 17:34:18.481` (the vendor's *TimeLong strings in some bodies). */
export function formatIsoLocal(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
}
