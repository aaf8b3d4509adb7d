// The bare-HTTP ceiling: a plain Node server that reads the JSON body and answers a small JSON, in its own
// process like the gateway, so reports.submit can be reported as a share of what HTTP alone allows here.
import { createServer } from 'node:http'

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { action?: string }
    const out = Buffer.from(JSON.stringify({ ok: true, data: { action: body.action ?? null } }))
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': out.length })
    res.end(out)
  })
})
server.listen(0, '127.0.0.1', () => {
  const a = server.address()
  if (a && typeof a === 'object') console.log(`ceiling http://127.0.0.1:${a.port}/`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
