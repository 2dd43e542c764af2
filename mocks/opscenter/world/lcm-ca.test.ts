import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { lcmCaCertificate } from './lcm-ca'

describe('the LCM certificate authority', () => {
  it('is a self-signed 2048-bit RSA CA whose signature verifies', async () => {
    const certificate = new X509Certificate(await lcmCaCertificate(1))
    expect(certificate.ca).toBe(true)
    expect(certificate.subject).toContain('CN=LCM Certificate Authority')
    expect(certificate.issuer).toBe(certificate.subject)
    expect(certificate.publicKey.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n })
    expect(certificate.verify(certificate.publicKey)).toBe(true)
  })

  it('is the same for the same seed and differs between seeds', async () => {
    expect(await lcmCaCertificate(1)).toBe(await lcmCaCertificate(1))
    expect(await lcmCaCertificate(2)).not.toBe(await lcmCaCertificate(1))
  })
})
