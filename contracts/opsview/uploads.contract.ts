import { beforeAll, describe, expect, it } from 'vitest'
import { loginAs, rawCall, type OpsviewSession, type OpsviewTarget } from './target'

/** Plugin upload/import and Opspack upload: checked and staged, never executed. Mock only: they change state. */
export function uploadsContract(target: OpsviewTarget): void {
  let admin: OpsviewSession
  let operator: OpsviewSession
  const upload = (path: string, session: OpsviewSession, filename: string, content: string) => {
    const boundary = 'opsmocks-upload-boundary'
    const body = [
      `--${boundary}`,
      `Content-Disposition: form-data; name="file"; filename="${filename}"`,
      'Content-Type: application/octet-stream',
      '',
      content,
      `--${boundary}--`,
      '',
    ].join('\r\n')
    return rawCall(target, path, {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
    })
  }
  const importPlugin = (session: OpsviewSession, body: unknown) =>
    rawCall(target, '/rest/config/plugin/import', {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  describe.runIf(target.kind === 'mock')('uploads', () => {
    beforeAll(async () => {
      await target.control!.reset()
      admin = await loginAs(target, target.credentials.admin)
      operator = await loginAs(target, target.credentials.operator!)
    })

    describe('uploadPlugin and importPlugin', () => {
      it('stages a script, imports it, and then refuses the same name', async () => {
        const staged = await upload('/rest/config/plugin/upload', admin, 'check_widget', '#!/bin/sh\necho "OK - widget"\n')
        expect(staged.status).toBe(200)
        expect(staged.json).toMatchObject({ success: true, filename: 'check_widget', return_code: '3' })
        const imported = await importPlugin(admin, { filename: 'check_widget' })
        expect(imported.json).toEqual({ success: true, filename: 'check_widget' })
        const listed = await rawCall(target, '/rest/config/plugin/check_widget', { headers: admin.headers })
        expect(listed.json.object).toMatchObject({ name: 'check_widget', origin_id: '1' })
        const again = await upload('/rest/config/plugin/upload', admin, 'check_widget', '#!/bin/sh\n')
        expect(again.json).toMatchObject({ success: false, error: 'Plugin already exists' })
      })

      it('answers success false for a built-in name, an unsafe name, a non-script and an unknown import', async () => {
        expect((await upload('/rest/config/plugin/upload', admin, 'check_tcp', '#!/bin/sh\n')).json.success).toBe(false)
        expect((await upload('/rest/config/plugin/upload', admin, '..check', '#!/bin/sh\n')).json.success).toBe(false)
        expect((await upload('/rest/config/plugin/upload', admin, 'check_binary', 'ELF...')).json).toMatchObject({
          success: false,
          return_code: '126',
        })
        expect((await importPlugin(admin, { filename: 'check_never_uploaded' })).json.success).toBe(false)
      })

      it('returns 400 without a file part or a filename, and 403 without ADMINACCESS', async () => {
        const noFile = await rawCall(target, '/rest/config/plugin/upload', {
          method: 'POST',
          headers: { ...admin.headers, 'Content-Type': 'multipart/form-data; boundary=x' },
          body: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--x--\r\n',
        })
        expect(noFile.status).toBe(400)
        expect((await importPlugin(admin, {})).status).toBe(400)
        expect((await upload('/rest/config/plugin/upload', operator, 'check_x', '#!/bin/sh\n')).status).toBe(403)
        expect((await importPlugin(operator, { filename: 'check_x' })).status).toBe(403)
      })
    })

    describe('uploadOpspack', () => {
      it('stages a .tar.gz and refuses other files with success false', async () => {
        expect((await upload('/rest/config/hosttemplate/upload', admin, 'web-pack.tar.gz', 'gzip-bytes')).json).toEqual({
          success: true,
          filename: 'web-pack.tar.gz',
        })
        expect((await upload('/rest/config/hosttemplate/upload', admin, 'notes.txt', 'text')).json.success).toBe(false)
      })

      it('returns 400 without a file part and 403 without ADMINACCESS', async () => {
        const noFile = await rawCall(target, '/rest/config/hosttemplate/upload', {
          method: 'POST',
          headers: { ...admin.headers, 'Content-Type': 'multipart/form-data; boundary=x' },
          body: '--x--\r\n',
        })
        expect(noFile.status).toBe(400)
        expect((await upload('/rest/config/hosttemplate/upload', operator, 'web-pack.tar.gz', 'x')).status).toBe(403)
      })
    })
  })
}
