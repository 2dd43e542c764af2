import { describe, expect, it } from 'vitest'
import spec from '../generated/opsview.openapi.json'
import { compileAt, schemaProblems, specSchema } from './spec-schema'

const validHostgroup = {
  id: '1',
  ref: '/rest/config/hostgroup/1',
  name: 'Opsview',
  parent: null,
  children: [],
  hosts: [{ name: 'opsview', ref: '/rest/config/host/1' }],
  is_leaf: '0',
  matpath: 'Opsview,',
  uncommitted: '0',
}

describe('spec-schema', () => {
  it('finds no problems with a value the component schema allows', () => {
    expect(schemaProblems(spec, 'Hostgroup', validHostgroup)).toEqual([])
  })

  it('lists every problem with the schema name and the field path', () => {
    expect(schemaProblems(spec, 'Hostgroup', { ...validHostgroup, name: '', is_leaf: 'yes' })).toEqual([
      'Hostgroup/name must NOT have fewer than 1 characters',
      'Hostgroup/is_leaf must be equal to one of the allowed values',
    ])
  })

  it('names a missing required property and an unexpected one', () => {
    const { matpath: _matpath, ...withoutMatpath } = validHostgroup
    expect(schemaProblems(spec, 'Hostgroup', withoutMatpath)).toEqual(["Hostgroup must have required property 'matpath'"])
    expect(schemaProblems(spec, 'Hostgroup', { ...validHostgroup, colour: 'red' })).toEqual([
      'Hostgroup must NOT have additional properties',
    ])
  })

  it('follows $refs into shared schemas', () => {
    expect(schemaProblems(spec, 'Hostgroup', { ...validHostgroup, id: 'one' })).toEqual(['Hostgroup/id must match pattern "^-?[0-9]+$"'])
    expect(schemaProblems(spec, 'Hostgroup', { ...validHostgroup, hosts: [{ ref: '/rest/config/host/1' }] })).toEqual([
      "Hostgroup/hosts/0 must have required property 'name'",
    ])
  })

  it('gives a Standard Schema that returns the value or its issues', async () => {
    const schema = specSchema(spec, 'Hostgroup')
    expect(schema['~standard'].vendor).toBe('opsmocks')
    expect(await schema['~standard'].validate(validHostgroup)).toEqual({ value: validHostgroup })
    expect(await schema['~standard'].validate({ ...validHostgroup, name: '' })).toEqual({
      issues: [{ message: 'Hostgroup/name must NOT have fewer than 1 characters' }],
    })
  })

  it('refuses a schema name the spec does not have', () => {
    expect(() => specSchema(spec, 'Nope')).toThrow('[opsmocks] Opsview')
    expect(() => specSchema(spec, 'Nope')).toThrow('has no component schema "Nope"')
  })

  it('compiles a schema at any JSON pointer once and reuses it', () => {
    const validate = compileAt(spec, '/components/schemas/Flag')
    expect(compileAt(spec, '/components/schemas/Flag')).toBe(validate)
    expect(validate('1')).toBe(true)
    expect(validate('2')).toBe(false)
  })
})
