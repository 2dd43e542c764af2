import { Table } from '../../core/table'
import { opmError } from '../errors'
import { recordSchema } from './record-schema'

export const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
type WeekDay = (typeof WEEK_DAYS)[number]

/** Working hours of one day in minutes (UTC); a day left out is not a business day. */
export type TimeSettings = Partial<Record<WeekDay, { fromMinute: number; toMinute: number }>>

export interface BusinessRuleRecord {
  id: string
  name: string
  description: string
  timeSettings: TimeSettings
}

/** Business-hour rules reports can be limited to (getReportsData `isBusinessHour` + `businessRuleID`). */
export class BusinessRules {
  readonly table = new Table<BusinessRuleRecord>(recordSchema('business rule'))

  clear(): void {
    this.table.clear()
  }

  all(): readonly BusinessRuleRecord[] {
    return this.table.all()
  }

  get(id: string): BusinessRuleRecord {
    const rule = this.table.get(id)
    if (!rule) throw opmError('NOT_FOUND', 'BUSINESS_RULE_NOT_FOUND', `No business rule with the id '${id}'.`)
    return rule
  }

  async insert(values: Omit<BusinessRuleRecord, 'id'>): Promise<BusinessRuleRecord> {
    if (this.table.find((rule) => rule.name === values.name))
      throw opmError('CONFLICT', 'BUSINESS_RULE_ALREADY_EXISTS', `A business rule named '${values.name}' already exists.`)
    return this.table.insert({ ...values, id: this.table.nextId() })
  }

  async update(rule: BusinessRuleRecord, values: Partial<Omit<BusinessRuleRecord, 'id'>>): Promise<BusinessRuleRecord> {
    if (values.name !== undefined && this.table.find((other) => other.name === values.name && other.id !== rule.id))
      throw opmError('CONFLICT', 'BUSINESS_RULE_ALREADY_EXISTS', `A business rule named '${values.name}' already exists.`)
    return this.table.update(rule.id, (draft) => void Object.assign(draft, values))
  }

  remove(rule: BusinessRuleRecord): void {
    this.table.delete(rule.id)
  }

  /** Whether an instant falls inside the rule's working hours. */
  static covers(rule: BusinessRuleRecord, at: number): boolean {
    const date = new Date(at)
    const day = WEEK_DAYS[(date.getUTCDay() + 6) % 7]!
    const hours = rule.timeSettings[day]
    if (!hours) return false
    const minute = date.getUTCHours() * 60 + date.getUTCMinutes()
    return minute >= hours.fromMinute && minute < hours.toMinute
  }
}
