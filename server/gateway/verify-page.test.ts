import { startLoopbackGateway, type LoopbackGateway } from './testing/loopback'

/** The public certificate check over HTTP: what a stranger's phone camera opens from the certificate's QR code. */

let gw: LoopbackGateway
beforeAll(async () => { gw = await startLoopbackGateway() })
afterAll(() => gw.close())

const api = async (fn: string, body: unknown, token: string) => (await fetch(`${gw.base}/api/${fn}`, {
  method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }
})).json() as Promise<{ ok: boolean; data: Record<string, unknown> }>

describe('GET /v/<number>?c=<code>', () => {
  it('shows what a genuine certificate states, and nothing for a wrong code', async () => {
    const issued = await api('volunteer', { action: 'requestCertificate' }, await gw.login('u-volunteer'))
    expect(issued.ok).toBe(true)
    const { number, checkCode, verifyUrl } = issued.data as { number: string; checkCode: string; verifyUrl: string }
    expect(verifyUrl).toMatch(new RegExp(`/v/${number}\\?c=${checkCode}$`))

    const good = await fetch(`${gw.base}/v/${number}?c=${checkCode}`)
    expect(good.status).toBe(200)
    expect(good.headers.get('content-type')).toContain('text/html')
    const html = await good.text()
    expect(html).toContain('证明真实有效')
    expect(html).toContain('李志愿')
    expect(html).toContain(number)
    expect(html).not.toContain('u-volunteer')
    expect(html).not.toContain(checkCode)

    const wrong = await fetch(`${gw.base}/v/${number}?c=AAAAAA`)
    expect(wrong.status).toBe(404)
    const refused = await wrong.text()
    expect(refused).toContain('未能核验')
    expect(refused).not.toContain('李志愿')
  })

  it('offers the form when asked with nothing, escapes what it echoes, and refuses other methods', async () => {
    const blank = await fetch(`${gw.base}/v/`)
    expect(blank.status).toBe(200)
    expect(await blank.text()).toContain('请输入证明上的编号和校验码')
    const hostile = await fetch(`${gw.base}/v/${encodeURIComponent('<script>alert(1)</script>')}?c=%3Cb%3E`)
    const text = await hostile.text()
    expect(text).not.toContain('<script>alert')
    expect(text).toContain('&#60;script&#62;')
    const post = await fetch(`${gw.base}/v/ZZ2026-000001`, { method: 'POST' })
    expect(post.status).toBe(405)
  })
})
