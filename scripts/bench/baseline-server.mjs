// The yardstick: a bare node:http server answering fixed JSON to every request, body unread.
import { createServer } from 'node:http'

const payload = JSON.stringify({
  access_list: { VIEWALL: 1 },
  fullname: 'Admin user',
  language: '',
  name: 'admin',
  realm: 'local',
  role: 'Administrator',
})
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) })
  res.end(payload)
})
server.listen(0, '127.0.0.1', () => console.log(`baseline http://127.0.0.1:${server.address().port} opsmocks ready`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
