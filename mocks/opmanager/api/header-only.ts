import { opmError } from '../errors'
import type { OperationId } from '../spec-types'
import { operation } from './operation'

/**
 * The header-only URLs OpManager lists besides listAlarms (decisions/085). They exist so a client
 * gets the vendor's answer to a key sent as a parameter (API_KEY_NOT_IN_HEADER, from auth.ts); their
 * parameters and answers are not published, so with a valid header key the mock says plainly that it
 * does not model them, in OpManager's envelope, and changes nothing.
 */
const HEADER_ONLY_IDS = [
  'addLinuxCredential',
  'addDiscoveryProfile',
  'editDiscoveryProfile',
  'addDiscoveryProfileV2',
  'editDiscoveryProfileV2',
  'importSSHKey',
  'importDevices',
  'uploadConfigletFile',
  'uploadConfigletPreView',
  'importConfiglets',
  'updateHostNamefromFileImp',
  'editCustomColfromFileImp',
  'importDG',
  'addSubnet',
  'addSwitch',
] as const satisfies readonly OperationId[]

export const HEADER_ONLY_OPERATIONS = HEADER_ONLY_IDS.map((operationId) =>
  operation(
    operationId,
    () => {
      throw opmError(
        'BAD_REQUEST',
        'OPERATION_NOT_MODELLED',
        `opsmocks does not model ${operationId}: OpManager does not publish its parameters or answer. The key was accepted.`,
      )
    },
    { adminOnly: true },
  ),
)
