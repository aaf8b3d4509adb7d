import { PAGES } from '../../../core/pages'
import type { Message } from '../../../core/types'
import { createWechatNotifier, type CallOpenApi } from './wechat'

describe('WeChat notifier', () => {
  const message = (userId: string, ticketId: string | null = 't-1'): Message => ({
    id: `m-${userId}`, userId, ticketId, title: '问题已处理，请核查', body: '「非法小广告」已处理完成，请查看处理后照片，确认是否解决并评价', read: false, at: '2026-11-20T02:00:00.000Z'
  })
  const users: Record<string, { id: string; openid: string }> = { u1: { id: 'u1', openid: 'o-1' }, u2: { id: 'u2', openid: 'o-2' } }
  const store = { getUser: async (id: string) => (users[id] ? { ...users[id], nickname: '', roles: [], gridIds: [], createdAt: '' } : null) }

  it('sends a subscribe message per stored message to a known person, clipped to the template limits', async () => {
    const sent: Array<Record<string, unknown>> = []
    const callOpenApi: CallOpenApi = async (_api, body) => { sent.push(body); return { errCode: 0 } }
    const n = createWechatNotifier({ store, callOpenApi, templateId: 'TPL' })
    await n.push([message('u1'), message('u2'), message('ghost')])
    expect(sent.map((b) => b.touser)).toEqual(['o-1', 'o-2'])
    expect(sent[0]).toMatchObject({ templateId: 'TPL', data: { thing1: { value: '问题已处理，请核查' } } })
    // the ticket's detail page with no leading slash; core/pages.test.ts holds PAGES to what app.config.ts declares
    expect(sent[0].page).toBe(`${PAGES.ticketDetail}?id=t-1`)
    expect(((sent[0].data as { thing2: { value: string } }).thing2.value)).toHaveLength(20)
  })

  it('links a message about no ticket to 我的', async () => {
    const sent: Array<Record<string, unknown>> = []
    const n = createWechatNotifier({ store, callOpenApi: async (_a, body) => { sent.push(body) }, templateId: 'TPL' })
    await n.push([message('u1', null)])
    expect(sent[0].page).toBe(PAGES.me)
  })

  it('loses only the push when a person has not opted in, and goes on with the next', async () => {
    const tried: string[] = []
    const n = createWechatNotifier({
      store,
      callOpenApi: async (_api, body) => { tried.push(String(body.touser)); throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 }) },
      templateId: 'TPL'
    })
    await expect(n.push([message('u1'), message('u2')])).resolves.toBeUndefined()
    expect(tried).toEqual(['o-1', 'o-2'])
  })
})
