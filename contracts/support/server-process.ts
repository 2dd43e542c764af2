import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Starts the built standalone server (`dist/server/cli.js`, what `npm start` runs) in a child process
 * for one vendor on a free port, and returns its URL once it prints it.
 */
export interface ServerProcess {
  url: string
  stop(): Promise<void>
}

const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url))

export async function startServerProcess(vendor: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--only', vendor, `--${vendor}-port`, '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${vendor} server did not start within 15 s:\n${output}`)), 15_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:[0-9]+)/.exec(output)
      if (match && output.includes('opsmocks ready')) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(`${vendor} server exited with ${code} before it was ready (was dist/server built? run npm run build:server):\n${output}`),
      )
    })
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
