import { http, HttpResponse, type HttpHandler } from 'msw'
import { serializeBody, type MockRequest } from './exchange'
import type { MockService } from './service'

export interface MswHandlerOptions {
  /**
   * Origin (and optional path prefix) the vendor API lives at, e.g. `https://opsview.test`. By default the
   * URL `npx opsmocks start` serves the vendor at (`http://127.0.0.1:4010` for Opsview), so the handlers
   * never shadow other origins; `'*'` serves the API on every origin.
   */
  baseUrl?: string
}

/**
 * The MSW transport: one catch-all handler per vendor that turns a Fetch `Request` into a
 * `MockRequest` and asks the same service the node:http server uses. Routing, 404 and 405
 * stay in the service so both transports answer identically.
 */
export function toMswHandlers(
  service: MockService,
  prefixes: readonly string[],
  options: MswHandlerOptions | undefined,
  defaultBaseUrl: string,
): HttpHandler[] {
  const baseUrl = options?.baseUrl ?? defaultBaseUrl
  const base = baseUrl.replace(/\/$/, '')
  const prefixLength = basePath(baseUrl).length
  return prefixes.map((prefix) =>
    http.all(`${base}${prefix}`, async ({ request }) => {
      const url = new URL(request.url)
      const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
      const mockRequest: MockRequest = {
        method: request.method,
        path: url.pathname.slice(prefixLength) || '/',
        query: url.searchParams,
        header: (name) => request.headers.get(name) ?? undefined,
        body,
        rawHeaders: Object.fromEntries(request.headers),
      }
      const response = await service.handle(mockRequest)
      try {
        const { contentType, payload } = serializeBody(response)
        const headers = new Headers()
        for (const [name, value] of Object.entries(response.headers ?? {})) {
          for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
        }
        if (contentType && !headers.has('content-type')) headers.set('content-type', contentType)
        return new HttpResponse(payload === '' || request.method === 'HEAD' ? null : payload, { status: response.status, headers })
      } catch (error) {
        // A header or status Fetch refuses: a plain 500 rather than an exception inside msw.
        console.error(`[opsmocks] ${service.vendor}: writing the answer to ${request.method} ${mockRequest.path} failed:`, error)
        return HttpResponse.json(
          { message: `opsmocks ${service.vendor} mock could not write its answer: ${(error as Error).name}` },
          { status: 500 },
        )
      }
    }),
  )
}

function basePath(baseUrl: string | undefined): string {
  if (!baseUrl || baseUrl === '*') return ''
  try {
    return new URL(baseUrl).pathname.replace(/\/$/, '')
  } catch {
    return ''
  }
}
