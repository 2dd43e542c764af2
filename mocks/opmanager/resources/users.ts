import { Table } from '../../core/table'
import { opmError } from '../errors'
import type { Privilege } from '../spec-types'
import { recordSchema } from './record-schema'

export interface UserRecord {
  /** The vendor's userId. */
  id: string
  userName: string
  privilege: Privilege
  emailId: string
  mobileNo: string
  landLine: string
  tZone: string
  allDevices: boolean
  restApiAccess: boolean
  authentication: 'local'
}

export interface NewUser {
  userName: string
  password: string
  privilege: Privilege
  emailId?: string
  landLine?: string
  mobileNo?: string
  tZone?: string
  allDevices?: boolean
  restApiAccess?: boolean
}

/** OpManager users, their passwords and their REST API access switch (decisions/035). */
export class Users {
  readonly table = new Table<UserRecord>(recordSchema('user'))
  readonly #idByName = new Map<string, string>()
  readonly #passwords = new Map<string, string>()

  clear(): void {
    this.table.clear()
    this.#idByName.clear()
    this.#passwords.clear()
  }

  all(): readonly UserRecord[] {
    return this.table.all()
  }

  find(userName: string): UserRecord | undefined {
    const id = this.#idByName.get(userName)
    return id === undefined ? undefined : this.table.get(id)
  }

  get(userName: string): UserRecord {
    const user = this.find(userName)
    if (!user) throw opmError('NOT_FOUND', 'USER_NOT_FOUND', `No user named '${userName}'.`)
    return user
  }

  async insert(input: NewUser): Promise<UserRecord> {
    if (this.#idByName.has(input.userName))
      throw opmError('CONFLICT', 'USER_ALREADY_EXISTS', `The user '${input.userName}' already exists.`)
    const id = this.table.nextId()
    const user = await this.table.insert({
      id,
      userName: input.userName,
      privilege: input.privilege,
      emailId: input.emailId ?? '',
      mobileNo: input.mobileNo ?? '',
      landLine: input.landLine ?? '',
      tZone: input.tZone ?? 'UTC',
      allDevices: input.allDevices ?? true,
      // OpManager 12.7.131+: REST API access is off for every new user until an administrator turns it on.
      restApiAccess: input.restApiAccess ?? false,
      authentication: 'local',
    })
    this.#idByName.set(user.userName, id)
    this.#passwords.set(id, input.password)
    return user
  }

  passwordMatches(user: UserRecord, password: string): boolean {
    return this.#passwords.get(user.id) === password
  }

  /** The user's password, for a world export (decisions/125). */
  passwordOf(user: UserRecord): string | undefined {
    return this.#passwords.get(user.id)
  }

  setPassword(user: UserRecord, password: string): void {
    this.#passwords.set(user.id, password)
  }

  async update(user: UserRecord, changes: Partial<Omit<UserRecord, 'id' | 'userName'>>): Promise<UserRecord> {
    return this.table.update(user.id, (draft) => void Object.assign(draft, changes))
  }

  remove(user: UserRecord): void {
    this.table.delete(user.id)
    this.#idByName.delete(user.userName)
    this.#passwords.delete(user.id)
  }

  async setRestApiAccess(userName: string, enabled: boolean): Promise<UserRecord> {
    const user = this.find(userName)
    if (!user) throw opmError('NOT_FOUND', 'CONTROL_NOT_FOUND', `No user named '${userName}'`)
    return this.update(user, { restApiAccess: enabled })
  }
}
