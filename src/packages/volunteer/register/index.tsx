import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { PHONE_PATTERN, registerVolunteerInput } from '../../../../core/schemas'
import { VOLUNTEER_TOPICS, type VolunteerTopic } from '../../../../core/types'
import { maskPhone } from '../../../../core/volunteer/profile'
import { call, errorText, isSignInNeeded } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { SignInPrompt } from '../../../components/sign-in-prompt'
import { useSession } from '../../../store/session'
import './index.css'

type Field = 'realName' | 'phone' | 'community' | 'skills'

interface Form {
  realName: string
  phone: string
  community: string
  skills: VolunteerTopic[]
}

/**
 * 注册志愿者: real name, phone (only the office sees it whole), community and the areas one would serve in, checked
 * with the server's own schema so each field says what is wrong next to it. Afterwards the session is read again
 * (its roles now include 志愿者) and 我的志愿 opens.
 */
export default function Register () {
  const me = useSession((s) => s.me)
  const status = useSession((s) => s.status)
  const [form, setForm] = useState<Form>({ realName: '', phone: '', community: '', skills: [] })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [signInNeeded, setSignInNeeded] = useState(false)

  // Opened by its address, the session may not have been read yet.
  useEffect(() => {
    if (useSession.getState().status === 'idle') void useSession.getState().load()
  }, [])

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const toggleSkill = (t: VolunteerTopic) => set('skills', form.skills.includes(t) ? form.skills.filter((x) => x !== t) : [...form.skills, t])

  const submit = async () => {
    if (busy) return
    const parsed = registerVolunteerInput.safeParse({ ...form, homeGridId: me?.homeGridId ?? null })
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {}
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as Field
        if (!found[key]) found[key] = issue.message
      }
      setErrors(found)
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      await call('volunteer', 'register', parsed.data)
      Taro.showToast({ title: '注册成功', icon: 'success' })
      // The roles changed on the server: read the session again so 我的 and every page see 志愿者.
      await useSession.getState().load()
      await Taro.redirectTo({ url: pageUrl(PAGES.myVolunteer) })
    } catch (err) {
      if (isSignInNeeded(err)) setSignInNeeded(true)
      else setFailure(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  if (status === 'signedOut' || signInNeeded) {
    return <PageShell className='vol-register'><SignInPrompt reason='登录后才能注册志愿者' /></PageShell>
  }

  if (me?.roles.includes('volunteer')) {
    return (
      <PageShell className='vol-register'>
        <View className='card vr-done' id='register-done'>
          <View className='vr-done-title'>你已经是志愿者了</View>
          <View className='vr-hint'>服务时长、星级和证明都在「我的志愿」里。</View>
          <View className='vr-submit' id='register-go-mine' ariaRole='button' onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.myVolunteer) })}>去我的志愿</View>
        </View>
      </PageShell>
    )
  }

  const masked = PHONE_PATTERN.test(form.phone.trim()) ? maskPhone(form.phone) : '138****1234'
  const error = (key: Field) => errors[key] ? <View className='error-text vr-error' id={`register-${key}-error`}>{errors[key]}</View> : null

  return (
    <PageShell className='vol-register'>
      <View className='card vr-intro'>
        <View className='vr-intro-title'>成为文明实践志愿者</View>
        <View className='vr-hint'>注册后可以报名志愿服务和培训，服务时长会记录下来，可以开具志愿服务记录证明。</View>
      </View>

      <View className='card vr-form' id='register-form'>
        <View className='vr-field'>
          <Text className='vr-label' id='register-name-label'>真实姓名</Text>
          <Input className={`vr-input ${errors.realName ? 'invalid' : ''}`} id='register-name' value={form.realName} maxlength={20}
            placeholder='与身份证一致，开具证明时使用' aria-labelledby='register-name-label' onInput={(e) => set('realName', e.detail.value)} />
          {error('realName')}
        </View>

        <View className='vr-field'>
          <Text className='vr-label' id='register-phone-label'>手机号</Text>
          <Input className={`vr-input ${errors.phone ? 'invalid' : ''}`} id='register-phone' type='number' value={form.phone} maxlength={11}
            placeholder='11 位手机号，组织者联系你时使用' aria-labelledby='register-phone-label' onInput={(e) => set('phone', e.detail.value)} />
          {error('phone')}
          <View className='vr-privacy' id='register-privacy'>🔒 手机号仅文明办可见，其他人看到的是 {masked}</View>
        </View>

        <View className='vr-field'>
          <Text className='vr-label' id='register-community-label'>所在社区</Text>
          <Input className={`vr-input ${errors.community ? 'invalid' : ''}`} id='register-community' value={form.community} maxlength={40}
            placeholder='如：香樟路社区' aria-labelledby='register-community-label' onInput={(e) => set('community', e.detail.value)} />
          {error('community')}
          <View className='vr-hint'>所在网格不用选：文明办会按你填写的社区为你关联网格。</View>
        </View>

        <View className='vr-field'>
          <Text className='vr-label' id='register-skills-label'>服务意向（可多选）</Text>
          <View className='vr-chips' ariaRole='group' aria-labelledby='register-skills-label' id='register-skills'>
            {VOLUNTEER_TOPICS.map((t) => {
              const on = form.skills.includes(t)
              return (
                <View key={t} className={`vr-chip ${on ? 'on' : ''}`} data-skill={t} ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => toggleSkill(t)}>
                  {on ? '✓ ' : ''}{t}
                </View>
              )
            })}
          </View>
          {error('skills')}
        </View>

        {failure && <View className='error-text vr-failure' id='register-failure' aria-live='polite'>{failure}</View>}
        <View className={`vr-submit ${busy ? 'busy' : ''}`} id='register-submit' ariaRole='button' onClick={() => void submit()}>{busy ? '正在提交…' : '提交注册'}</View>
      </View>
    </PageShell>
  )
}
