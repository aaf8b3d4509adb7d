import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { Role } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { useSession } from '../../../store/session'
import Register from './index'

const { $, tap, type, serve, open, reset } = usePageTest(Register)

const zhang = (roles: Role[]) => ({ id: 'u-zhang', nickname: '张阿姨', roles, gridIds: [], homeGridId: 'g1' })

beforeEach(() => {
  useSession.setState({ me: zhang(['citizen']), status: 'ready', error: null })
})

describe('注册志愿者', () => {
  it('says next to each field what is wrong, and sends nothing until it is right', async () => {
    const fake = serve({})
    await open('#register-form')
    await tap('#register-submit')
    expect($('#register-realName-error')?.textContent).toBe('请填写真实姓名（至少 2 个字）')
    expect($('#register-phone-error')?.textContent).toBe('请填写 11 位手机号')
    expect($('#register-community-error')?.textContent).toBe('请填写所在社区')
    expect($('#register-skills-error')?.textContent).toBe('请至少选择一个服务意向')
    await type('#register-phone', '1380013')
    await tap('#register-submit')
    expect($('#register-phone-error')?.textContent).toBe('请填写 11 位手机号')
    expect(fake.calls).toEqual([])
  })

  it('registers, reads the session again (now a volunteer) and opens 我的志愿', async () => {
    let roles: Role[] = ['citizen']
    const fake = serve({
      'volunteer.register': () => {
        roles = ['citizen', 'volunteer']
        return { ok: true, data: { profile: { userId: 'u-zhang', realName: '张桂兰', phone: '13800138000', homeGridId: 'g1', community: '香樟路社区', skills: ['居家养老'], volunteerNo: 'V2026000001', registeredAt: '' } } }
      },
      'users.me': () => ({ ok: true, data: { user: zhang(roles) } })
    })
    await open('#register-form')
    expect($('#register-privacy')?.textContent).toContain('138****1234')
    await type('#register-name', '张桂兰')
    await type('#register-phone', '13912345678')
    // The privacy note shows what others will see of this very number.
    expect($('#register-privacy')?.textContent).toBe('🔒 手机号仅文明办可见，其他人看到的是 139****5678')
    await type('#register-community', '香樟路社区')
    await tap('[data-skill="居家养老"]')
    await tap('[data-skill="医疗健康"]')
    await tap('[data-skill="医疗健康"]')
    expect($('[data-skill="居家养老"]')?.getAttribute('aria-checked')).toBe('true')
    expect($('[data-skill="医疗健康"]')?.getAttribute('aria-checked')).toBe('false')
    await tap('#register-submit')
    await until(() => (Taro.redirectTo as jest.Mock).mock.calls.length > 0)
    expect(fake.calls.find((c) => c.event.action === 'register')?.event).toEqual({
      action: 'register', realName: '张桂兰', phone: '13912345678', community: '香樟路社区', skills: ['居家养老'], homeGridId: 'g1'
    })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '注册成功' }))
    expect(useSession.getState().me?.roles).toEqual(['citizen', 'volunteer'])
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.myVolunteer) })
  })

  it('shows the server\'s refusal, and a volunteer already registered is sent to 我的志愿', async () => {
    serve({ 'volunteer.register': () => ({ ok: false, error: { code: 'CONFLICT', message: '这个手机号已注册过志愿者' } }) })
    await open('#register-form')
    await type('#register-name', '张桂兰')
    await type('#register-phone', '13912345678')
    await type('#register-community', '香樟路社区')
    await tap('[data-skill="环境保护"]')
    await tap('#register-submit')
    await until(() => $('#register-failure') !== null)
    expect($('#register-failure')?.textContent).toBe('这个手机号已注册过志愿者')

    reset()
    useSession.setState({ me: zhang(['citizen', 'volunteer']) })
    await open('#register-done')
    expect($('#register-form')).toBeNull()
  })

  it('asks a visitor who is not signed in to sign in first', async () => {
    useSession.setState({ me: null, status: 'signedOut' })
    const prompt = await open('#sign-in-prompt')
    expect(prompt.textContent).toContain('登录后才能注册志愿者')
  })
})
