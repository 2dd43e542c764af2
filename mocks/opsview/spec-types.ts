import type { components, operations } from '../generated/opsview'
import type { ReplyOf } from '../core/typed-reply'

type Schemas = components['schemas']

export type Host = Schemas['Host']
export type Hostgroup = Schemas['Hostgroup']
export type Contact = Schemas['Contact']
export type Role = Schemas['Role']
export type ObjectRef = Schemas['ObjectRef']
export type ConfigObject = Schemas['ConfigObject']
export type User = Schemas['User']
export type ListSummary = Schemas['ListSummary']
export type StateCounts = Schemas['StateCounts']
export type GroupStateCounts = Schemas['GroupStateCounts']
export type HostStatus = Schemas['HostStatus']
export type ServiceStatusItem = Schemas['ServiceStatusItem']
export type ServiceStatusHost = Schemas['ServiceStatusHost']
export type HostgroupStatus = Schemas['HostgroupStatus']
export type StatusSummary = Schemas['StatusSummary']
export type RuntimeObjects = Schemas['RuntimeObjects']
export type Downtime = Schemas['Downtime']
export type HostState = Schemas['HostState']
export type ServiceState = Schemas['ServiceState']

/** Every `objecttype` the spec documents under `/rest/config/{objecttype}`, legacy aliases included. */
export type ConfigTypeName = operations['listConfigObjects']['parameters']['path']['objecttype']
export type SchemaName = keyof Schemas

/** What a handler for `operationId` may answer, per the spec. */
export type Reply<OperationId extends keyof operations> = ReplyOf<operations[OperationId]>
