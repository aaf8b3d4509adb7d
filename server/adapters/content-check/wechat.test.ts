import {
  MAX_TEXT_CHARS, MEDIA_CHECK_ASYNC, MSG_SEC_CHECK, createWechatContentCheck, readMediaCheckEvent, verdictFromMediaCheckEvent
} from './wechat'

const ctx = { openid: 'oUXxX7HcPg-citizen' }

/** A fake open-API caller that records every call and answers from a queue (an Error in the queue is thrown). */
function fakeOpenApi (...answers: unknown[]) {
  const calls: Array<{ api: string; body: any }> = []
  const callOpenApi = async (api: string, body: object) => {
    calls.push({ api, body })
    const next = answers.length > 1 ? answers.shift() : answers[0]
    if (next instanceof Error) throw next
    return next
  }
  return { calls, callOpenApi }
}

/** msgSecCheck 2.0 answers, shaped as the HTTPS API returns them. */
const textAnswer = (suggest: string, label: number) => ({
  errcode: 0,
  errmsg: 'ok',
  trace_id: '60ae120f-371d5872-7941a05b',
  result: { suggest, label },
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }, { strategy: 'keyword', errcode: 0 }]
})

describe('WeChat text check (msgSecCheck 2.0)', () => {
  it('sends the documented 2.0 body', async () => {
    const api = fakeOpenApi(textAnswer('pass', 100))
    const check = createWechatContentCheck({ callOpenApi: api.callOpenApi })
    await expect(check.checkText('路灯坏了', ctx)).resolves.toBe('pass')
    expect(api.calls).toEqual([{ api: MSG_SEC_CHECK, body: { content: '路灯坏了', version: 2, scene: 1, openid: ctx.openid } }])
  })

  it('uses the configured scene', async () => {
    const api = fakeOpenApi(textAnswer('pass', 100))
    await createWechatContentCheck({ callOpenApi: api.callOpenApi, scene: 2 }).checkText('评论', ctx)
    expect(api.calls[0].body.scene).toBe(2)
  })

  it.each([
    ['pass', 100, 'pass'],
    ['review', 20001, 'review'],
    ['risky', 20003, 'reject'],
    ['risky', 10001, 'reject']
  ])('maps suggest %s (label %d) to %s', async (suggest, label, verdict) => {
    const api = fakeOpenApi(textAnswer(suggest as string, label as number))
    await expect(createWechatContentCheck(api).checkText('内容', ctx)).resolves.toBe(verdict)
  })

  it('reads wx-server-sdk answers (camelCase)', async () => {
    const api = fakeOpenApi({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', traceId: 't', result: { suggest: 'risky', label: 20002 } })
    await expect(createWechatContentCheck(api).checkText('内容', ctx)).resolves.toBe('reject')
  })

  it('rejects on errcode 87014, answered or thrown (cloud calls throw it)', async () => {
    const answered = fakeOpenApi({ errcode: 87014, errmsg: 'risky content' })
    await expect(createWechatContentCheck(answered).checkText('内容', ctx)).resolves.toBe('reject')
    const thrown = fakeOpenApi(Object.assign(new Error('openapi.security.msgSecCheck:fail risky content'), { errCode: 87014 }))
    await expect(createWechatContentCheck(thrown).checkText('内容', ctx)).resolves.toBe('reject')
  })

  it('fails closed: network failures, API errors and odd answers hold the text for review', async () => {
    const errors: unknown[] = []
    const onError = (_api: string, e: unknown) => { errors.push(e) }
    for (const answer of [
      new Error('connect ETIMEDOUT api.weixin.qq.com:443'),
      Object.assign(new Error('openapi fail'), { errCode: -1 }),
      { errcode: 40001, errmsg: 'invalid credential' },
      { errcode: 40003, errmsg: 'invalid openid' },
      { errcode: 0, errmsg: 'ok' },
      { errcode: 0, result: { suggest: 'maybe' } },
      undefined
    ]) {
      const api = fakeOpenApi(answer)
      await expect(createWechatContentCheck({ ...api, onError }).checkText('内容', ctx)).resolves.toBe('review')
    }
    expect(errors).toHaveLength(6) // every failure but the unknown suggest is reported
  })

  it('does not call WeChat for blank text', async () => {
    const api = fakeOpenApi(textAnswer('risky', 20001))
    await expect(createWechatContentCheck(api).checkText('  \n ', ctx)).resolves.toBe('pass')
    expect(api.calls).toHaveLength(0)
  })

  it('checks long text in 2,500-character chunks and keeps the worst verdict', async () => {
    const api = fakeOpenApi(textAnswer('pass', 100), textAnswer('review', 21000), textAnswer('pass', 100))
    const text = '井'.repeat(MAX_TEXT_CHARS * 2 + 10)
    await expect(createWechatContentCheck(api).checkText(text, ctx)).resolves.toBe('review')
    expect(api.calls.map((c) => Array.from(c.body.content as string).length)).toEqual([2500, 2500, 10])
  })

  it('stops at the first rejected chunk', async () => {
    const api = fakeOpenApi(textAnswer('risky', 20003), textAnswer('pass', 100))
    await expect(createWechatContentCheck(api).checkText('骂'.repeat(MAX_TEXT_CHARS + 1), ctx)).resolves.toBe('reject')
    expect(api.calls).toHaveLength(1)
  })
})

describe('WeChat image check (mediaCheckAsync 2.0)', () => {
  const url = 'https://7463-tcb-env-1300000000.tcb.qcloud.la/reports/r-1/p-1.jpg?sign=abc&t=1700000000'

  it('submits the documented body, records the trace_id and answers review (pending)', async () => {
    const api = fakeOpenApi({ errcode: 0, errmsg: 'ok', trace_id: '6889d061-73133221-45935f77' })
    const submitted: unknown[] = []
    const check = createWechatContentCheck({ ...api, onImageSubmitted: (s) => { submitted.push(s) } })
    await expect(check.submitImage('cloud://env/reports/r-1/p-1.jpg', url, ctx)).resolves.toMatchObject({ verdict: 'review', traceId: expect.any(String) })
    expect(api.calls).toEqual([{
      api: MEDIA_CHECK_ASYNC,
      body: { media_url: url, media_type: 2, version: 2, scene: 1, openid: ctx.openid }
    }])
    expect(submitted).toEqual([{ fileId: 'cloud://env/reports/r-1/p-1.jpg', traceId: '6889d061-73133221-45935f77', openid: ctx.openid }])
  })

  it('reads the camelCase traceId of a cloud call', async () => {
    const api = fakeOpenApi({ errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId: 'trace-cloud' })
    const submitted: Array<{ traceId: string }> = []
    await createWechatContentCheck({ ...api, onImageSubmitted: (s) => { submitted.push(s) } }).submitImage('f', url, ctx)
    expect(submitted[0].traceId).toBe('trace-cloud')
  })

  it('stays pending (review) and reports the error when submitting fails', async () => {
    for (const answer of [new Error('socket hang up'), { errcode: 45009, errmsg: 'reach max api daily quota limit' }, { errcode: 0 }]) {
      const errors: unknown[] = []
      const submitted: unknown[] = []
      const api = fakeOpenApi(answer)
      const check = createWechatContentCheck({ ...api, onError: (_a, e) => { errors.push(e) }, onImageSubmitted: (s) => { submitted.push(s) } })
      await expect(check.submitImage('f', url, ctx)).resolves.toEqual({ verdict: 'review', traceId: null })
      expect(errors).toHaveLength(1)
      expect(submitted).toHaveLength(0)
    }
  })
})

describe('the wxa_media_check push', () => {
  const push = (result: object | undefined, extra: object = {}) => ({
    ToUserName: 'gh_7040a1238757',
    FromUserName: 'oUXxX7HcPg-xrrzYV2hUPspvZg9Q',
    CreateTime: 1753862242,
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wx5d5bf98f2375a0b5',
    trace_id: '6889d061-73133221-45935f77',
    version: 2,
    ...(result ? { result, detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90 }] } : {}),
    ...extra
  })

  it.each([
    [{ suggest: 'pass', label: '100' }, 'pass'],
    [{ suggest: 'review', label: 20002 }, 'review'],
    [{ suggest: 'risky', label: 20002 }, 'reject']
  ])('maps result %j to %s', (result, verdict) => {
    expect(verdictFromMediaCheckEvent(push(result))).toBe(verdict)
    expect(readMediaCheckEvent(push(result))).toEqual({ traceId: '6889d061-73133221-45935f77', verdict })
  })

  it('holds for review when WeChat could not check the image', () => {
    expect(verdictFromMediaCheckEvent(push(undefined, { detail: [], errcode: -1008, errmsg: '下载错误，请检查媒体链接是否可访问' }))).toBe('review')
    expect(verdictFromMediaCheckEvent(push(undefined))).toBe('review')
  })

  it('understands the 1.0 push too', () => {
    const v1 = { Event: 'wxa_media_check', trace_id: 't1', isrisky: 0, extra_info_json: '', status_code: 0 }
    expect(verdictFromMediaCheckEvent(v1)).toBe('pass')
    expect(verdictFromMediaCheckEvent({ ...v1, isrisky: 1 })).toBe('reject')
    expect(verdictFromMediaCheckEvent({ ...v1, status_code: 4294966288 })).toBe('review')
  })

  it('ignores other events', () => {
    expect(readMediaCheckEvent({ MsgType: 'event', Event: 'subscribe_msg_popup_event' })).toBeNull()
    expect(readMediaCheckEvent(null)).toBeNull()
    expect(verdictFromMediaCheckEvent({ Event: 'other' })).toBe('review')
  })
})
