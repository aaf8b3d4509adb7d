import { createWechatNotifier, type CallOpenApi } from './wechat'
import type { Notifier, OutgoingNotice } from '../../ports/notifier'

describe('WeChat notifier', () => {
  const notice: OutgoingNotice = { title: '问题已处理，请核查', body: '「非法小广告」已处理完成，请查看处理后照片，确认是否解决并评价', ticketId: 't-1' }
  const users: Record<string, { id: string; openid: string }> = { u1: { id: 'u1', openid: 'o-1' }, u2: { id: 'u2', openid: 'o-2' } }

  it('keeps every message in-app and sends a subscribe message per person, clipped to the template limits', async () => {
    const inApp: string[][] = []
    const sent: Array<Record<string, unknown>> = []
    const callOpenApi: CallOpenApi = async (_api, body) => { sent.push(body); return { errCode: 0 } }
    const n = createWechatNotifier({
      inApp: { send: async (ids) => { inApp.push([...ids]) } } as Notifier,
      store: { getUser: async (id) => (users[id] ? { ...users[id], nickname: '', roles: [], gridIds: [], createdAt: '' } : null) },
      callOpenApi,
      templateId: 'TPL'
    })
    await n.send(['u1', 'u2', 'u1', 'ghost'], notice)
    expect(inApp).toEqual([['u1', 'u2', 'u1', 'ghost']])
    expect(sent.map((b) => b.touser)).toEqual(['o-1', 'o-2'])
    expect(sent[0]).toMatchObject({ templateId: 'TPL', page: 'packages/citizen/ticket/index?id=t-1', data: { thing1: { value: '问题已处理，请核查' } } })
    expect(((sent[0].data as { thing2: { value: string } }).thing2.value)).toHaveLength(20)
  })

  it('loses only the push when a person has not opted in', async () => {
    const inApp: string[][] = []
    const n = createWechatNotifier({
      inApp: { send: async (ids) => { inApp.push([...ids]) } } as Notifier,
      store: { getUser: async (id) => ({ ...users[id], nickname: '', roles: [], gridIds: [], createdAt: '' }) },
      callOpenApi: async () => { throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 }) },
      templateId: 'TPL'
    })
    await expect(n.send(['u1'], notice)).resolves.toBeUndefined()
    expect(inApp).toEqual([['u1']])
  })
})
