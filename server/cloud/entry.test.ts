import { identityFromCloud, platformEvent } from './entry'

describe('cloud entry: who is calling', () => {
  const push = { ToUserName: 'gh_x', FromUserName: 'o-app', MsgType: 'event', Event: 'wxa_media_check', appid: 'wx1', trace_id: 'tr-1', version: 2, result: { suggest: 'risky', label: 20002 } }

  it('trusts WX_OPENID for every mini-program call, whatever the body says', () => {
    expect(identityFromCloud('timer', { Type: 'Timer' }, 'o-user')).toEqual({ kind: 'user', openid: 'o-user' })
    expect(identityFromCloud('reports', push, 'o-user')).toEqual({ kind: 'user', openid: 'o-user' })
  })

  it('treats the timer trigger and the media-check push, without an openid, as the platform', () => {
    expect(identityFromCloud('timer', { Type: 'Timer', TriggerName: 'sweep' }, undefined)).toEqual({ kind: 'system' })
    expect(platformEvent('timer', { Type: 'Timer' })).toEqual({ action: 'sweep' })
    expect(identityFromCloud('reports', push, undefined)).toEqual({ kind: 'system' })
    expect(platformEvent('reports', push)).toEqual({ action: 'photoReviewed', traceId: 'tr-1', verdict: 'reject' })
  })

  it('gives anything else no identity', () => {
    expect(identityFromCloud('users', { action: 'me' }, undefined)).toEqual({ kind: 'anonymous' })
    expect(identityFromCloud('tickets', push, undefined)).toEqual({ kind: 'anonymous' })
    expect(identityFromCloud('reports', { Event: 'other' }, undefined)).toEqual({ kind: 'anonymous' })
  })
})
