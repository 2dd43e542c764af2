import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { isIP } from 'node:net'
import { join } from 'node:path'

export interface TlsFiles {
  cert: string
  key: string
  /** The CA that signed a generated certificate (trust it in clients); absent for --cert/--key. */
  caPath?: string
}

/** `--cert FILE --key FILE`: the user's own certificate, read once at start. */
export function readTlsFiles(certPath: string, keyPath: string): TlsFiles {
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path, 'utf8')
    } catch (error) {
      throw new Error(`cannot read the TLS ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  }
  return { cert: read(certPath, 'certificate'), key: read(keyPath, 'key') }
}

/**
 * `--tls` without a certificate: a private CA and a server certificate it signs for localhost,
 * 127.0.0.1, ::1 and the bound host, made with the system's `openssl`. A CA already in `dir`
 * (from an earlier `--tls-dir` run) is reused, so a client that trusts it once keeps trusting it.
 */
export function generateTlsFiles(host: string, dir?: string): TlsFiles {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'opsmocks-tls-'))
  mkdirSync(folder, { recursive: true })
  const file = (name: string) => join(folder, name)
  const openssl = (args: string[]) => {
    try {
      execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: Buffer }
      if (failure.code === 'ENOENT')
        throw new Error(
          '--tls generates its certificate with the openssl command, which is not installed; pass --cert FILE --key FILE instead',
        )
      throw new Error(
        `openssl ${args[0]} failed while generating the TLS certificate: ${failure.stderr?.toString().trim() ?? failure.message}`,
      )
    }
  }
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  if (!existsSync(file('ca.pem')) || !existsSync(file('ca-key.pem'))) {
    openssl([
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      file('ca-key.pem'),
      '-out',
      file('ca.pem'),
      '-days',
      '825',
      '-subj',
      '/CN=opsmocks local CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ])
  }
  const names = new Set(['DNS:localhost', 'IP:127.0.0.1', 'IP:::1'])
  if (host === '0.0.0.0' || host === '::') names.add(`DNS:${hostname()}`)
  else names.add(isIP(host) ? `IP:${host}` : `DNS:${host}`)
  writeFileSync(
    file('server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${[...names].join(',')}\n`,
  )
  openssl(['req', ...ecKey, '-keyout', file('server-key.pem'), '-out', file('server.csr'), '-subj', '/CN=localhost'])
  openssl([
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca-key.pem'),
    '-CAcreateserial',
    '-out',
    file('server.pem'),
    '-days',
    '90',
    '-sha256',
    '-extfile',
    file('server.ext'),
  ])
  return { cert: readFileSync(file('server.pem'), 'utf8'), key: readFileSync(file('server-key.pem'), 'utf8'), caPath: file('ca.pem') }
}
