import { flag, text } from './kinds'
import { backrefs, CONFIG_READERS, type ConfigTypeModule } from './module'

const ARGS = [1, 2, 3, 4] as const

/** A variable: hosts give it values (`hostattributes`); service checks are multiplied by it. */
export const attribute: ConfigTypeModule = {
  schemaName: 'Attribute',
  identity: 'id',
  fields: {
    name: text({ pattern: /^[A-Z0-9_]{1,63}$/, hint: 'upper-case letters, digits and "_"' }),
    value: text(),
    ...Object.fromEntries(ARGS.map((n) => [`label${n}`, text()])),
    ...Object.fromEntries(ARGS.map((n) => [`arg${n}`, text({ nullable: true })])),
    ...Object.fromEntries(ARGS.map((n) => [`secured${n}`, flag()])),
  },
  required: ['name'],
  defaults: () => ({
    value: '',
    ...Object.fromEntries(ARGS.map((n) => [`label${n}`, ''])),
    ...Object.fromEntries(ARGS.map((n) => [`arg${n}`, ''])),
    ...Object.fromEntries(ARGS.map((n) => [`secured${n}`, '0'])),
  }),
  derived: { servicechecks: backrefs('servicecheck', 'attribute', 'attribute') },
  deleteGuard(record, reader) {
    const user = [...reader.all('host')].find((item) =>
      (item.hostattributes as Array<{ name: string }>).some((value) => value.name === record.name),
    )
    return user ? `host '${user.name}' has a value for it` : undefined
  },
  readAccess: [...CONFIG_READERS, 'CONFIGUREHOSTS'],
  writeAccess: 'CONFIGUREHOSTS',
}
