import { afterAll, beforeAll, describe } from 'vitest'
import { OPMANAGER_ADMIN_API_KEY, OPMANAGER_HELPDESK_API_KEY, OPMANAGER_OPERATOR_API_KEY } from '../../mocks/opmanager/service'
import { alarmsContract } from './alarms.contract'
import { authContract } from './auth.contract'
import { badInputContract } from './bad-input.contract'
import { controlContract } from './control.contract'
import { devicesContract } from './devices.contract'
import { eventsAndUsersContract } from './events-users.contract'
import { headerOnlyContract } from './header-only.contract'
import { interfacesContract } from './interfaces.contract'
import { monitoringContract } from './monitoring.contract'
import { networkContract } from './network.contract'
import { notificationsAndReportsContract } from './notifications-reports.contract'
import { periodsContract } from './periods.contract'
import { rateLimitContract } from './rate-limit.contract'
import { settingsAndWirelessContract } from './settings-wireless.contract'
import { virtualizationContract } from './virtualization.contract'
import spec from '../../mocks/generated/opmanager.openapi.json'
import type { BundledSpec } from '../../mocks/core/spec-schema'
import { faultsContract } from '../support/faults.contract'
import { journalContract } from '../support/journal.contract'
import { robustnessContract } from '../support/robustness.contract'
import { opm, type OpmanagerCredentials, type OpmanagerTarget } from './target'

/** Every OpManager contract, registered against one target. */
export function opmanagerContracts(target: OpmanagerTarget): void {
  describe(`OpManager contract [${target.name}]`, () => {
    beforeAll(() => target.start(), 30_000)
    afterAll(() => target.stop())
    authContract(target)
    alarmsContract(target)
    devicesContract(target)
    interfacesContract(target)
    monitoringContract(target)
    networkContract(target)
    virtualizationContract(target)
    notificationsAndReportsContract(target)
    periodsContract(target)
    settingsAndWirelessContract(target)
    headerOnlyContract(target)
    rateLimitContract(target)
    eventsAndUsersContract(target)
    badInputContract(target)
    controlContract(target)
    faultsContract(target, {
      method: 'GET',
      path: '/api/json/device/listDevices',
      headers: { apiKey: target.credentials.adminKey },
      messageOf: (json) => json.error?.message,
    })
    journalContract(target, {
      call: () => opm(target, '/api/json/device/listDevices'),
      operationId: 'listDevices',
      secretHeader: 'apikey',
      unmatchedPath: '/api/json/opsmocks/notServed',
    })
    robustnessContract(target, {
      spec: spec as unknown as BundledSpec,
      credentials: async () => ({ apiKey: target.credentials.adminKey }),
      // OpManager's API answers errors as HTTP 200 + {"error"}; its mock control API uses 4xx with the same envelope.
      isRejection: (result) => result.status < 500 && result.json?.error !== undefined,
    })
  })
}

export const OPMANAGER_MOCK_CREDENTIALS: OpmanagerCredentials = {
  adminKey: OPMANAGER_ADMIN_API_KEY,
  operatorKey: OPMANAGER_OPERATOR_API_KEY,
  helpdeskKey: OPMANAGER_HELPDESK_API_KEY,
}
