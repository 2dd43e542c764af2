import spec from '../generated/opscenter.openapi.json'
import type { Operation } from '../core/service'
import type { BundledSpec } from '../core/spec-schema'
import { specRoutes } from '../core/spec-routes'
import type { Handlers, OpscenterContext } from './handler'
import { agentHandlers } from './resources/agents'
import { alertHandlers } from './resources/alerts'
import { backupHandlers } from './resources/backups'
import { bestPracticeHandlers } from './resources/best-practice'
import { clusterConfigHandlers } from './resources/cluster-configs'
import { dashboardPresetHandlers } from './resources/dashboard-presets'
import { eventHandlers } from './resources/events'
import { keyspaceHandlers } from './resources/keyspaces'
import { lcmHandlers } from './resources/lcm'
import { metricHandlers } from './resources/metrics'
import { nodeHandlers } from './resources/nodes'
import { repairHandlers } from './resources/repair'
import { requestHandlers } from './resources/requests'
import { roleHandlers } from './resources/roles'
import { scheduleHandlers } from './resources/schedules'
import { sessionHandlers } from './resources/session'
import { userHandlers } from './resources/users'

export type { OpscenterContext } from './handler'

/**
 * The one registry of OpsCenter resources: every operation of the spec with its handler. Typed as
 * `Handlers`, so an operation the spec has and no resource module handles is a compile error.
 */
const HANDLERS: Handlers = {
  ...sessionHandlers,
  ...userHandlers,
  ...roleHandlers,
  ...clusterConfigHandlers,
  ...nodeHandlers,
  ...keyspaceHandlers,
  ...alertHandlers,
  ...eventHandlers,
  ...metricHandlers,
  ...bestPracticeHandlers,
  ...scheduleHandlers,
  ...dashboardPresetHandlers,
  ...agentHandlers,
  ...backupHandlers,
  ...repairHandlers,
  ...requestHandlers,
  ...lcmHandlers,
}

/** The operation table: method and path read from the spec, the handler from the registry. */
export const OPSCENTER_OPERATIONS: readonly Operation<OpscenterContext>[] = specRoutes<keyof Handlers>(spec as unknown as BundledSpec).map(
  (route) => ({ ...route, handle: HANDLERS[route.operationId] as Operation<OpscenterContext>['handle'] }),
)
