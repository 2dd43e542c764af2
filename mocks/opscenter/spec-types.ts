import type { components, operations } from '../generated/opscenter'
import type { ReplyOf } from '../core/typed-reply'

type Schemas = components['schemas']

export type User = Schemas['User']
export type PermissionMap = Schemas['PermissionMap']
export type ClusterConfig = Schemas['ClusterConfig']
export type ClusterInfo = Schemas['ClusterInfo']
export type Node = Schemas['Node']
export type Keyspace = Schemas['Keyspace']
export type Table = Schemas['Table']
export type FiredAlert = Schemas['FiredAlert']
export type AlertRule = Schemas['AlertRule']
export type BestPracticeResult = Schemas['BestPracticeResult']
export type JobSchedule = Schemas['JobSchedule']
export type DashboardPreset = Schemas['DashboardPreset']
export type Agent = Schemas['Agent']
/** One series of a `/new-metrics` answer. */
export type NewMetricEntry = Schemas['NewMetrics']['data'][string][number]

export type OperationId = keyof operations

/** What a handler for `operationId` may answer, per the spec. */
export type Reply<Id extends OperationId> = ReplyOf<operations[Id]>
