import type { components, operations } from '../generated/opmanager'
import type { ReplyOf } from '../core/typed-reply'

type Schemas = components['schemas']

export type Alarm = Schemas['Alarm']
export type AlertType = Schemas['AlertType']
export type Device = Schemas['Device']
export type DeviceStatusNum = Schemas['DeviceStatusNum']
export type User = Schemas['User']
export type Privilege = Schemas['Privilege']
export type ApiKey = Schemas['ApiKey']
export type ApiKeyCreate = Schemas['ApiKeyCreate']
export type ApiKeyUpdate = Schemas['ApiKeyUpdate']
export type ModuleName = keyof Schemas['ModuleAccess']
export type ModuleAccess = Schemas['ModuleAccess']
export type SeverityNumber = Schemas['SeverityNumber']
type ErrorEnvelope = Schemas['ErrorEnvelope']
export type RateLimitSettings = Schemas['RateLimitSettings']

export type OperationId = keyof operations

/** What a handler for `operationId` may answer, per the spec. */
export type Reply<Id extends OperationId> = ReplyOf<operations[Id]>

/** The success body of an operation's 200 answer (its error envelope excluded). */
export type SuccessBody<Id extends OperationId> = Exclude<Extract<Reply<Id>, { status: 200 }>['json'], ErrorEnvelope>
