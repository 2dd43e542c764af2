import { describe, expect, it } from 'vitest'
import { allowsOrigin, corsPolicy } from './cors'

describe('corsPolicy', () => {
  it('allows loopback origins on any port, and nothing else, by default', () => {
    const policy = corsPolicy(['loopback'])!
    for (const origin of ['http://localhost:5173', 'https://127.0.0.1', 'http://127.1.2.3:8080', 'http://[::1]:3000'])
      expect(allowsOrigin(policy, origin), origin).toBe(true)
    for (const origin of ['http://localhost.evil.test', 'https://app.example', 'null', 'http://127.0.0.1.nip.io'])
      expect(allowsOrigin(policy, origin), origin).toBe(false)
  })

  it('allows exactly the listed origins, normalised, or every origin with *', () => {
    const policy = corsPolicy(['https://App.Example:443/', 'http://other.test:8080'])!
    expect(allowsOrigin(policy, 'https://app.example')).toBe(true)
    expect(allowsOrigin(policy, 'http://other.test:8080')).toBe(true)
    expect(allowsOrigin(policy, 'http://localhost:5173')).toBe(false)
    expect(allowsOrigin(corsPolicy(['*'])!, 'https://anything.test')).toBe(true)
  })

  it('is off with off, and rejects what is not an origin', () => {
    expect(corsPolicy(['off'])).toBeUndefined()
    expect(() => corsPolicy(['localhost:5173'])).toThrow('--cors: "localhost:5173" is not an http(s) origin')
    expect(() => corsPolicy(['not a url'])).toThrow('is not an origin')
    expect(() => corsPolicy(['off', 'http://a.test'])).toThrow('--cors off cannot be combined')
  })
})
