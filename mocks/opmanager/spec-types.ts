import type { components, operations } from '../generated/opmanager'
import type { ReplyOf } from '../core/typed-reply'

type Schemas = components['schemas']

export type Alarm = Schemas['Alarm']
export type AlertType = Schemas['AlertType']
export type Annotation = Schemas['Annotation']
export type TopDevice = Schemas['TopDevice']
export type Device = Schemas['Device']
export type DevicePage = Schemas['DevicePage']
export type DeviceSummary = Schemas['DeviceSummary']
export type DeviceInfo = Schemas['DeviceInfo']
export type DeviceStatusNum = Schemas['DeviceStatusNum']
export type Interface = Schemas['Interface']
export type Monitor = Schemas['Monitor']
export type OpmEvent = Schemas['Event']
export type User = Schemas['User']
export type Privilege = Schemas['Privilege']
export type ApiKey = Schemas['ApiKey']
export type ApiKeyCreate = Schemas['ApiKeyCreate']
export type ApiKeyUpdate = Schemas['ApiKeyUpdate']
export type ModuleName = keyof Schemas['ModuleAccess']
export type ModuleAccess = Schemas['ModuleAccess']
export type ModuleAccessLevel = Schemas['ModuleAccessLevel']
export type SeverityNumber = Schemas['SeverityNumber']
export type ErrorEnvelope = Schemas['ErrorEnvelope']
export type ResultMessage = Schemas['ResultMessage']

export type OperationId = keyof operations

/** What a handler for `operationId` may answer, per the spec. */
export type Reply<Id extends OperationId> = ReplyOf<operations[Id]>
