/**
 * Opsview access names with the ids real 6.x servers give them (`/rest/config/access/{id}`),
 * from recorded role objects; CONFIGURETENANCIES' id is unknown, so 26 (unused by the others) stands in.
 */
export const ACCESS_IDS = {
  VIEWALL: 1,
  VIEWSOME: 2,
  ACTIONALL: 3,
  ACTIONSOME: 4,
  NOTIFYSOME: 6,
  CONFIGUREHOSTS: 7,
  RELOADACCESS: 8,
  ADMINACCESS: 9,
  VIEWPORTACCESS: 10,
  RRDGRAPHS: 11,
  CONFIGUREVIEW: 12,
  CONFIGURESAVE: 13,
  PASSWORDSAVE: 14,
  CONFIGUREKEYWORDS: 15,
  DOWNTIMEALL: 16,
  DOWNTIMESOME: 17,
  REPORTADMIN: 18,
  REPORTUSER: 19,
  TESTCHANGE: 20,
  TESTALL: 21,
  TESTSOME: 22,
  CONFIGUREPROFILES: 23,
  NETFLOW: 24,
  CONFIGURENETFLOW: 25,
  CONFIGURETENANCIES: 26,
  CONFIGUREROLES: 27,
  CONFIGURECONTACTS: 28,
  CONFIGUREHOSTGROUPS: 29,
  CONFIGUREBSM: 31,
  CONFIGUREBSMCOMPONENT: 32,
  BSM: 33,
  DASHBOARD: 34,
  DASHBOARDEDIT: 35,
  NAVOPTIONS: 36,
  NETAUDITVIEW: 37,
  DASHBOARDSHARE: 38,
  NTVIEWALL: 39,
  REMOTELYMANAGEDCLUSTERS: 40,
  CONFIGUREREMOTECLUSTER: 41,
  RELOADVIEW: 42,
} as const

export type AccessName = keyof typeof ACCESS_IDS

export function isAccessName(name: string): name is AccessName {
  return Object.hasOwn(ACCESS_IDS, name)
}

export function accessRef(name: AccessName): { name: AccessName; ref: string } {
  return { name, ref: `/rest/config/access/${ACCESS_IDS[name]}` }
}
