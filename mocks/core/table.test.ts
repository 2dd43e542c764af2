import { describe, expect, it } from 'vitest'
import spec from '../generated/opsview.openapi.json'
import { specSchema } from './spec-schema'
import { Table } from './table'
import type { Hostgroup } from '../opsview/spec-types'

function hostgroup(id: string, name: string): Hostgroup {
  return {
    id,
    ref: `/rest/config/hostgroup/${id}`,
    name,
    parent: null,
    children: [],
    hosts: [],
    is_leaf: '1',
    matpath: `Opsview,${name},`,
    uncommitted: '0',
  }
}

const newTable = () => new Table<Hostgroup>(specSchema<Hostgroup>(spec, 'Hostgroup'))

describe('Table', () => {
  it('inserts a record and finds it by id', async () => {
    const table = newTable()
    const record = await table.insert(hostgroup('1', 'Opsview'))
    expect(record).toEqual(hostgroup('1', 'Opsview'))
    expect(table.get('1')).toBe(record)
    expect(table.get('2')).toBeUndefined()
    expect(table.size).toBe(1)
  })

  it('hands out the id after the highest numeric id inserted so far', async () => {
    const table = newTable()
    expect(table.nextId()).toBe('1')
    await table.insert(hostgroup('7', 'Seven'))
    await table.insert(hostgroup('3', 'Three'))
    expect(table.nextId()).toBe('8')
  })

  it('lists records in insertion order and filters and finds them', async () => {
    const table = newTable()
    await table.insert(hostgroup('2', 'B'))
    await table.insert(hostgroup('1', 'A'))
    await table.insert(hostgroup('3', 'AB'))
    expect(table.all().map((record) => record.id)).toEqual(['2', '1', '3'])
    expect(table.filter((record) => record.name.startsWith('A')).map((record) => record.id)).toEqual(['1', '3'])
    expect(table.find((record) => record.name === 'AB')?.id).toBe('3')
    expect(table.find((record) => record.name === 'C')).toBeUndefined()
  })

  it('refuses a second record with an id already present', async () => {
    const table = newTable()
    await table.insert(hostgroup('1', 'A'))
    await expect(table.insert(hostgroup('1', 'B'))).rejects.toThrow('[opsmocks] duplicate id 1')
    expect(table.get('1')?.name).toBe('A')
  })

  it('rejects an insert that violates the component schema and keeps nothing', async () => {
    const table = newTable()
    await expect(table.insert({ ...hostgroup('1', 'A'), name: '' })).rejects.toThrow()
    await expect(table.insert({ ...hostgroup('2', 'B'), is_leaf: 'yes' } as unknown as Hostgroup)).rejects.toThrow()
    await expect(table.insert({ ...hostgroup('3', 'C'), colour: 'red' } as unknown as Hostgroup)).rejects.toThrow()
    expect(table.size).toBe(0)
    expect(table.all()).toEqual([])
    expect(table.get('1')).toBeUndefined()
    expect(table.nextId()).toBe('1')
  })

  it('stores an update as a new object, leaves the previous one unchanged and indexes the new one', async () => {
    const table = newTable()
    const before = await table.insert(hostgroup('1', 'Old'))
    const after = await table.update('1', (draft) => {
      draft.name = 'New'
    })
    expect(after).not.toBe(before)
    expect(after.name).toBe('New')
    expect(before.name).toBe('Old')
    expect(table.get('1')).toBe(after)
    expect(table.all()).toEqual([after])
    expect(table.find((record) => record.name === 'New')).toBe(after)
  })

  it('rejects an update that violates the component schema and keeps the previous record', async () => {
    const table = newTable()
    const before = await table.insert(hostgroup('1', 'Old'))
    await expect(
      table.update('1', (draft) => {
        draft.name = ''
      }),
    ).rejects.toThrow()
    expect(table.get('1')).toBe(before)
    expect(table.all()).toEqual([hostgroup('1', 'Old')])
  })

  it('refuses to update a record that does not exist', async () => {
    await expect(newTable().update('9', () => {})).rejects.toThrow('[opsmocks] no record with id 9')
  })

  it('deletes a record from the index and the collection and returns it', async () => {
    const table = newTable()
    const record = await table.insert(hostgroup('1', 'A'))
    await table.insert(hostgroup('2', 'B'))
    expect(table.delete('1')).toBe(record)
    expect(table.get('1')).toBeUndefined()
    expect(table.all().map((item) => item.id)).toEqual(['2'])
    expect(table.size).toBe(1)
    expect(table.delete('1')).toBeUndefined()
  })

  it('does not reuse the id of a deleted record', async () => {
    const table = newTable()
    await table.insert(hostgroup('1', 'A'))
    await table.insert(hostgroup('2', 'B'))
    table.delete('2')
    expect(table.nextId()).toBe('3')
  })

  it('empties the table and restarts ids on clear', async () => {
    const table = newTable()
    await table.insert(hostgroup('5', 'A'))
    table.clear()
    expect(table.size).toBe(0)
    expect(table.all()).toEqual([])
    expect(table.get('5')).toBeUndefined()
    expect(table.nextId()).toBe('1')
    await table.insert(hostgroup('5', 'A again'))
    expect(table.get('5')?.name).toBe('A again')
  })

  it('restores the records and the next id as they were at snapshot time', async () => {
    const table = newTable()
    await table.insert(hostgroup('1', 'Opsview'))
    const saved = table.snapshot()
    await table.insert(hostgroup('2', 'UK'))
    await table.update('1', (draft) => {
      draft.name = 'Renamed'
    })
    await table.restore(saved)
    expect(table.all()).toEqual([hostgroup('1', 'Opsview')])
    expect(table.get('1')?.name).toBe('Opsview')
    expect(table.get('2')).toBeUndefined()
    expect(table.nextId()).toBe('2')
  })
})
