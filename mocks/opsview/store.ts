import type { Clock } from '../core/clock'
import type { AccessName } from './access'
import { ConfigStore } from './config-store'
import type { Scope, StoredRecord } from './config/module'
import type { ConfigTypeName, Contact, Host, HostState, ObjectRef, Role, ServiceState } from './spec-types'

/**
 * Opsview's state: the configuration (a ConfigStore over the type registry), passwords, monitoring
 * runtime (host and service states), downtimes and reload bookkeeping. It knows no HTTP; failures are
 * MockErrors that `errors.ts` turns into Opsview answers.
 *
 * Public API other modules rely on (status, runtime, the estate engine):
 * - `config` — every configuration read and write (`get`, `byName`, `all`, `present`, `create`, `update`,
 *   `remove`, `atomically`, `referrers`); records are frozen and change only through it.
 * - `hosts()`, `host(id)`, `hostgroups()`, `hostgroup(id)`, `childGroups(id)`, `groupAndDescendants(ids)`.
 * - `hostServicechecks(host)` — the checks a host runs: attached directly or through its templates.
 * - `principalFor(contact)` with `scope`, and `canSee(principal, type, record)` for access-list scoping.
 */
export interface ServiceRuntime {
  id: string
  name: string
  state: ServiceState
  output: string
  lastCheck: number
  stateSince: number
  acknowledged: boolean
}

export interface HostRuntime {
  hostId: string
  state: HostState
  output: string
  lastCheck: number
  stateSince: number
  acknowledged: boolean
  services: ServiceRuntime[]
}

export interface DowntimeRecord {
  id: string
  start: number
  end: number
  comment: string
  author: string
  hostIds: string[]
  /** Service ids selected directly (host downtime covers a host's services implicitly). */
  serviceIds: string[]
}

/** A stored host: its own fields (derived ones such as `business_components` are computed on read). */
export type HostRecord = StoredRecord & Omit<Host, 'business_components' | 'uncommitted'>
/** A stored host group: name and parent (children, hosts, matpath and is_leaf are derived). */
export type HostgroupRecord = StoredRecord & { parent: ObjectRef | null }

/** One service check a host runs, and where it came from. */
export interface HostServicecheck {
  servicecheck: StoredRecord
  /** Arguments replacing the check's own on this host, if any. */
  exception: string | null
  timed_exception: { timeperiod: ObjectRef; args: string } | null
  /** `host` when attached to the host itself, else the host template that brought it. */
  via: 'host' | ObjectRef
}

/** Who is calling: their contact, role and what the role lets them see. */
export interface Principal {
  contact: Contact
  role: Role
  access: ReadonlySet<AccessName>
  /** undefined = every host group; otherwise the ids of the role's groups and their descendants. */
  visibleHostgroupIds: ReadonlySet<string> | undefined
  /** What a restricted role may see, for scoping objects and the refs inside them; undefined = everything. */
  scope: Scope | undefined
}

export class OpsviewStore {
  readonly clock: Clock
  readonly config: ConfigStore
  readonly runtime = new Map<string, HostRuntime>()
  readonly downtimes = new Map<string, DowntimeRecord>()
  readonly startedAt: number
  lastReload: number
  readonly #principals = new WeakMap<StoredRecord, Principal & { generation: number; roleRecord: StoredRecord }>()
  #lastDowntimeId = 0
  #lastServiceId = 0

  constructor(clock: Clock) {
    this.clock = clock
    this.config = new ConfigStore(clock)
    this.startedAt = clock.nowSeconds()
    this.lastReload = this.startedAt
  }

  clear(): void {
    this.config.clear()
    this.runtime.clear()
    this.downtimes.clear()
    this.#lastDowntimeId = 0
    this.#lastServiceId = 0
    this.lastReload = this.clock.nowSeconds()
  }

  // ---- users ---------------------------------------------------------------------------------

  contactByName(name: string): StoredRecord | undefined {
    return this.config.byName('contact', name)
  }

  checkPassword(username: string, password: string): StoredRecord | undefined {
    const contact = this.contactByName(username)
    return contact && this.config.secret('contact', contact.id, 'password') === password ? contact : undefined
  }

  /** Records are replaced (never mutated), so a principal cached per contact record stays valid until the configuration changes. */
  principalFor(contact: StoredRecord): Principal {
    const role = this.config.get('role', refIdOf(contact.role as ObjectRef))
    if (!role) throw new Error(`[opsmocks] contact ${contact.name} has a missing role`)
    const cached = this.#principals.get(contact)
    if (cached && cached.roleRecord === role && cached.generation === this.config.generation) return cached
    const principal = this.#buildPrincipal(contact, role)
    this.#principals.set(contact, principal)
    return principal
  }

  #buildPrincipal(contact: StoredRecord, role: StoredRecord): Principal & { generation: number; roleRecord: StoredRecord } {
    const presentedRole = this.config.present('role', role) as Role
    const access = new Set(presentedRole.accesses.map((item) => item.name as AccessName))
    const seesAll = access.has('VIEWALL') || access.has('ADMINACCESS')
    const allGroups = presentedRole.all_hostgroups === '1'
    const ids = (refs: ObjectRef[]) => new Set(refs.map(refIdOf))
    const visibleHostgroupIds = seesAll || allGroups ? undefined : this.groupAndDescendants(presentedRole.access_hostgroups.map(refIdOf))
    const scope: Scope | undefined = seesAll
      ? undefined
      : {
          hostgroups: visibleHostgroupIds,
          keywords: presentedRole.all_keywords === '1' ? undefined : ids(presentedRole.access_keywords),
          servicegroups: presentedRole.all_servicegroups === '1' ? undefined : ids(presentedRole.access_servicegroups),
          bsmView: presentedRole.all_bsm_view === '1',
        }
    return {
      contact: this.config.present('contact', contact) as Contact,
      role: presentedRole,
      access,
      visibleHostgroupIds,
      scope,
      generation: this.config.generation,
      roleRecord: role,
    }
  }

  /** Whether the principal may see a record of `type` (their role's access lists). */
  canSee(principal: Principal, type: ConfigTypeName, record: StoredRecord): boolean {
    return this.config.canSee(type, record, principal.scope)
  }

  // ---- hosts and groups ------------------------------------------------------------------------

  hosts(): IterableIterator<HostRecord> {
    return this.config.all('host') as IterableIterator<HostRecord>
  }

  host(id: string): HostRecord | undefined {
    return this.config.get('host', id) as HostRecord | undefined
  }

  hostgroups(): IterableIterator<HostgroupRecord> {
    return this.config.all('hostgroup') as IterableIterator<HostgroupRecord>
  }

  hostgroup(id: string): HostgroupRecord | undefined {
    return this.config.get('hostgroup', id) as HostgroupRecord | undefined
  }

  childGroups(id: string): HostgroupRecord[] {
    return this.config.referrers('hostgroup', 'parent', 'hostgroup', id) as HostgroupRecord[]
  }

  /** The groups and every group below them. */
  groupAndDescendants(ids: Iterable<string>): Set<string> {
    const result = new Set<string>()
    const visit = (id: string): void => {
      if (result.has(id)) return
      result.add(id)
      for (const child of this.childGroups(id)) visit(child.id)
    }
    for (const id of ids) visit(id)
    return result
  }

  /**
   * The service checks a host runs: its own attachments first, then each template's in template order;
   * a check attached to the host itself overrides the same check from a template (its exception wins).
   */
  hostServicechecks(host: HostRecord): HostServicecheck[] {
    const result = new Map<string, HostServicecheck>()
    const add = (attachments: unknown, via: HostServicecheck['via']) => {
      for (const attachment of (attachments ?? []) as Array<ObjectRef & Pick<HostServicecheck, 'exception' | 'timed_exception'>>) {
        const key = refIdOf(attachment)
        const servicecheck = this.config.get('servicecheck', key)
        if (!servicecheck || result.has(key)) continue
        result.set(key, { servicecheck, exception: attachment.exception, timed_exception: attachment.timed_exception, via })
      }
    }
    add(host.servicechecks, 'host')
    for (const templateRef of host.hosttemplates) {
      const template = this.config.get('hosttemplate', refIdOf(templateRef))
      if (template) add(template.servicechecks, { name: template.name, ref: template.ref })
    }
    return [...result.values()]
  }

  // ---- reload --------------------------------------------------------------------------------

  get changesSinceReload(): number {
    return this.config.pendingChanges
  }

  get hasUncommittedChanges(): boolean {
    return this.config.pendingChanges > 0
  }

  /** Applies pending configuration: every object is committed and runtime follows the hosts. */
  async reload(): Promise<void> {
    this.config.commit()
    this.#syncRuntimeWithConfig()
    this.lastReload = this.clock.nowSeconds()
  }

  // ---- runtime -------------------------------------------------------------------------------

  newServiceId(): string {
    return String(++this.#lastServiceId)
  }

  addDowntime(record: Omit<DowntimeRecord, 'id'>): DowntimeRecord {
    const downtime = { ...record, id: String(++this.#lastDowntimeId) }
    this.downtimes.set(downtime.id, downtime)
    return downtime
  }

  /** Services a host runs after a reload, keeping the state of checks it already had. */
  servicesFor(host: HostRecord, previous: ServiceRuntime[] = []): ServiceRuntime[] {
    const now = this.clock.nowSeconds()
    return this.hostServicechecks(host).map(
      ({ servicecheck }) =>
        previous.find((service) => service.name === servicecheck.name) ?? {
          id: this.newServiceId(),
          name: servicecheck.name,
          state: 'ok',
          output: 'OK - first check after reload',
          lastCheck: now,
          stateSince: now,
          acknowledged: false,
        },
    )
  }

  #syncRuntimeWithConfig(): void {
    const now = this.clock.nowSeconds()
    for (const hostId of [...this.runtime.keys()]) if (!this.host(hostId)) this.runtime.delete(hostId)
    for (const host of this.hosts()) {
      const current = this.runtime.get(host.id)
      if (current) current.services = this.servicesFor(host, current.services)
      else {
        this.runtime.set(host.id, {
          hostId: host.id,
          state: 'up',
          output: 'PING OK - Packet loss = 0%',
          lastCheck: now,
          stateSince: now,
          acknowledged: false,
          services: this.servicesFor(host),
        })
      }
    }
  }
}

/** The id at the end of a reference's path. */
export function refId(ref: ObjectRef): string {
  return refIdOf(ref)
}

function refIdOf(ref: ObjectRef): string {
  return ref.ref?.slice(ref.ref.lastIndexOf('/') + 1) ?? ''
}
