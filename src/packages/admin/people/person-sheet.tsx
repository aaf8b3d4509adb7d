import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import type { ActionInput } from '../../../../core/api'
import { MAX_REASON, banInput, grantRoleInput, revokeRoleInput, unbanInput } from '../../../../core/admin-schemas'
import { MANAGED_ROLES, areaText, type ManagedRole, type PersonView } from '../../../../core/people'
import { ROLE_LABELS } from '../../../../core/types'
import { call, errorText } from '../../../api'
import { FormField } from '../../../components/form-field'
import { useAction } from '../../../utils/use-action'
import { GridChoice } from './grid-choice'
import { banDays, banLine, banUntil, dayText, firstIssue, phoneText, roleChips } from './people-format'

type Panel = { kind: 'grant' } | { kind: 'revoke'; role: ManagedRole } | { kind: 'ban' } | { kind: 'unban' }

const ROLE_HINTS: Record<ManagedRole, string> = {
  grid_manager: '负责所选网格的随手拍案卷：落在这些网格里的新上报会派给他',
  organizer: '可以发布志愿活动和培训、管理报名、确认时长',
  admin: '文明办人员：分拣、督办、问卷、看板和这里的人员管理'
}

function Fact ({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className='pp-fact' {...(id ? { id } : {})}>
      <Text className='pp-fact-label'>{label}</Text>
      <View className='pp-fact-value'>{children}</View>
    </View>
  )
}

function Reason ({ id, value, onInput, placeholder, error }: { id: string; value: string; onInput: (v: string) => void; placeholder: string; error?: string }) {
  return (
    <FormField prefix='pp' name='reason' label='原因（会记入操作记录）' required error={error}>
      <Textarea className='pp-textarea' id={id} value={value} maxlength={MAX_REASON} placeholder={placeholder} ariaLabel='原因' onInput={(e) => onInput(e.detail.value)} />
      <View className='pp-count'>{value.length}/{MAX_REASON} 字</View>
    </FormField>
  )
}

/**
 * One person as the office sees them — roles and what each carries, contact, open work, a ban in force — with the
 * steps the office may take: 授予角色, 撤销 each role it manages, 暂停上报 / 恢复上报. Each asks why, confirms, and
 * answers with the person as they are now (`onChanged`).
 */
export function PersonSheet ({ person, onChanged, onClose }: { person: PersonView; onChanged: (p: PersonView) => void; onClose: () => void }) {
  const [panel, setPanel] = useState<Panel | null>(null)
  const [role, setRole] = useState<ManagedRole>('grid_manager')
  const [gridIds, setGridIds] = useState<string[]>([])
  const [organisation, setOrganisation] = useState('')
  const [areaCode, setAreaCode] = useState('')
  const [reason, setReason] = useState('')
  const [reassignTo, setReassignTo] = useState<string | null>(null)
  const [banDay, setBanDay] = useState(banDays(Date.now()).initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const revoking = panel?.kind === 'revoke' && panel.role === 'grid_manager' && (person.openTickets ?? 0) > 0
  const managers = useAction(async () => (revoking ? (await call('admin', 'managers', {})).filter((m) => m.id !== person.id) : []), [revoking, person.id])

  const open = (p: Panel | null) => {
    setPanel(p)
    setGridIds([])
    setOrganisation(p?.kind === 'grant' ? person.organisation ?? '' : '')
    setAreaCode('')
    setReason('')
    setReassignTo(null)
    setBanDay(banDays(Date.now()).initial)
    setErrors({})
    setFailure(null)
  }

  /** Check with the action's own schema, confirm, send; a refusal shows the server's words above the buttons. */
  const submit = async <S extends Parameters<typeof firstIssue>[0]>(schema: S, payload: Record<string, unknown>, confirm: { title: string; content: string; confirmText: string; danger?: boolean }, send: (data: unknown) => Promise<PersonView>, toast: string) => {
    if (busy) return
    const checked = firstIssue(schema, payload)
    if (!checked.ok) {
      setErrors({ [checked.field === 'gridIds' || checked.field === 'organisation' || checked.field === 'areaCode' || checked.field === 'until' ? checked.field : 'reason']: checked.message })
      return
    }
    const answer = await Taro.showModal({ title: confirm.title, content: confirm.content, confirmText: confirm.confirmText, cancelText: '再想想', ...(confirm.danger ? { confirmColor: '#c92a2a' } : {}) })
    if (!answer.confirm) return
    setBusy(true)
    setFailure(null)
    try {
      const after = await send(checked.data)
      void Taro.showToast({ title: toast, icon: 'success' })
      open(null)
      onChanged(after)
    } catch (e) {
      setFailure(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const grant = () => {
    const payload: Record<string, unknown> = { userId: person.id, role, reason }
    if (role === 'grid_manager') payload.gridIds = gridIds.length ? gridIds : undefined
    if (role === 'organizer') payload.organisation = organisation.trim() || undefined
    if (role === 'admin') payload.areaCode = areaCode.trim()
    const what = role === 'grid_manager' ? `（${gridIds.length} 个网格）` : role === 'organizer' ? `（${organisation.trim()}）` : `（${areaText(areaCode.trim())}）`
    void submit(grantRoleInput, payload, {
      title: `授予${person.nickname}「${ROLE_LABELS[role]}」？`,
      content: `${ROLE_LABELS[role]}${what}。他会收到消息，这次操作和原因记入操作记录。`,
      confirmText: '确认授予'
    }, (data) => call('admin', 'grantRole', data as ActionInput<'admin', 'grantRole'>), '已授予')
  }

  const revoke = (r: ManagedRole) => {
    const payload: Record<string, unknown> = { userId: person.id, role: r, reason }
    if (r === 'grid_manager' && gridIds.length) payload.gridIds = gridIds
    if (reassignTo) payload.reassignTo = reassignTo
    const some = r === 'grid_manager' && gridIds.length > 0 && gridIds.length < person.gridIds.length
    const moving = revoking ? `他手中 ${person.openTickets} 件未办结的案卷会改派给${managers.data?.find((m) => m.id === reassignTo)?.nickname ?? '所选网格员'}。` : ''
    void submit(revokeRoleInput, payload, {
      title: some ? `取消${person.nickname}负责的 ${gridIds.length} 个网格？` : `撤销${person.nickname}的「${ROLE_LABELS[r]}」？`,
      content: `${moving}他会收到消息，这次操作和原因记入操作记录。`,
      confirmText: some ? '确认取消' : '确认撤销',
      danger: true
    }, async (data) => (await call('admin', 'revokeRole', data as ActionInput<'admin', 'revokeRole'>)).person, some ? '已取消' : '已撤销')
  }

  const ban = () => {
    const until = banUntil(banDay)
    void submit(banInput, { userId: person.id, until, reason }, {
      title: `暂停${person.nickname}的随手拍上报？`,
      content: `暂停到 ${dayText(until)} 当天结束。期间他提交上报会被拒绝，并看到原因和到期时间；他也会收到一条消息。`,
      confirmText: '确认暂停',
      danger: true
    }, (data) => call('admin', 'banReporter', data as ActionInput<'admin', 'banReporter'>), '已暂停上报')
  }

  const unban = () => {
    void submit(unbanInput, { userId: person.id, reason }, {
      title: `恢复${person.nickname}的随手拍上报？`,
      content: '恢复后他可以马上继续上报，并会收到一条消息。',
      confirmText: '确认恢复'
    }, (data) => call('admin', 'unban', data as ActionInput<'admin', 'unban'>), '已恢复上报')
  }

  const held = MANAGED_ROLES.filter((r) => person.roles.includes(r))
  const days = banDays(Date.now())
  const failureLine = failure && <View className='pp-failure error-text' id='sheet-error' ariaRole='alert'>{failure}</View>
  const buttons = (label: string, onTap: () => void, danger = false, id = 'sheet-submit') => (
    <View className='pp-buttons'>
      <View className={`btn-small ${danger ? 'pp-danger' : ''} ${busy ? 'pp-busy' : ''}`} id={id} ariaRole='button' onClick={onTap}>{busy ? '请稍候…' : label}</View>
      <View className='btn-small plain' id='panel-cancel' ariaRole='button' onClick={() => open(null)}>取消</View>
    </View>
  )

  return (
    <View className='card pp-sheet' id='person-sheet' data-person-sheet={person.id}>
      <View className='pp-sheet-head'>
        <View className='pp-sheet-name'>{person.nickname}</View>
        <View className='btn-small plain pp-close' id='person-close' ariaRole='button' onClick={onClose}>返回列表</View>
      </View>
      <View className='pp-chips'>{roleChips(person.roles).map((c) => <Text key={c.role} className={`tag ${c.tag}`} data-chip={c.role}>{c.label}</Text>)}</View>
      <View className='pp-facts'>
        <Fact label='用户编号'>{person.id}</Fact>
        <Fact label='手机' id='person-phone'>{phoneText(person, true)}</Fact>
        {person.realName && <Fact label='姓名'>{person.realName}</Fact>}
        {person.volunteerNo && <Fact label='志愿者编号'>{person.volunteerNo}</Fact>}
        {person.homeGridName && <Fact label='居住网格'>{person.homeGridName}</Fact>}
        {person.roles.includes('grid_manager') && (
          <Fact label='负责网格' id='person-grids'>{person.grids.length ? person.grids.map((g) => g.name).join('、') : '（未分配网格）'}</Fact>
        )}
        {person.openTickets !== null && <Fact label='手中案卷' id='person-open'>{person.openTickets} 件未办结</Fact>}
        {person.organisation && <Fact label='所属组织'>{person.organisation}</Fact>}
        {person.areaCode !== null && <Fact label='负责区域'>{areaText(person.areaCode)}</Fact>}
        {person.reportBan && (
          <Fact label='暂停上报' id='person-ban'>
            <View className='pp-ban'>{banLine(person)}</View>
            <View className='pp-hint'>原因：{person.reportBan.reason}</View>
          </Fact>
        )}
      </View>

      {panel === null && (
        <View className='pp-actions'>
          <View className='btn-small' id='grant-open' ariaRole='button' onClick={() => open({ kind: 'grant' })}>授予角色</View>
          {held.map((r) => (
            <View key={r} className='btn-small plain' data-revoke={r} ariaRole='button' onClick={() => open({ kind: 'revoke', role: r })}>
              {r === 'grid_manager' ? '撤销或减少网格' : `撤销${ROLE_LABELS[r]}`}
            </View>
          ))}
          {person.reportBan
            ? <View className='btn-small plain' id='unban-open' ariaRole='button' onClick={() => open({ kind: 'unban' })}>恢复上报</View>
            : <View className='btn-small plain pp-danger-text' id='ban-open' ariaRole='button' onClick={() => open({ kind: 'ban' })}>暂停上报</View>}
        </View>
      )}

      {panel?.kind === 'grant' && (
        <View className='pp-panel' data-panel='grant'>
          <View className='pp-panel-title'>授予角色</View>
          <View className='pp-role-row' ariaRole='radiogroup' ariaLabel='角色'>
            {MANAGED_ROLES.map((r) => (
              <View key={r} className={`pp-role ${role === r ? 'on' : ''}`} data-grant-role={r} ariaRole='radio' aria-checked={role === r ? 'true' : 'false'}
                onClick={() => { setRole(r); setErrors({}) }}>{ROLE_LABELS[r]}</View>
            ))}
          </View>
          <View className='pp-hint'>{ROLE_HINTS[role]}</View>
          {role === 'grid_manager' && (
            <FormField prefix='pp' name='gridIds' label='负责的网格' required>
              <GridChoice value={gridIds} onChange={(ids) => { setGridIds(ids); setErrors({}) }} error={errors.gridIds} />
            </FormField>
          )}
          {role === 'organizer' && (
            <FormField prefix='pp' name='organisation' label='代表的组织' required error={errors.organisation}>
              <Input className='pp-input' id='grant-organisation' value={organisation} maxlength={40} placeholder='例如：东塘社区志愿服务队' onInput={(e) => setOrganisation(e.detail.value)} />
            </FormField>
          )}
          {role === 'admin' && (
            <FormField prefix='pp' name='areaCode' label='负责区域' hint='区县 6 位、街道 9 位、社区 12 位编码；留空为全市' error={errors.areaCode}>
              <Input className='pp-input' id='grant-area' type='number' value={areaCode} maxlength={15} placeholder='留空为全市' onInput={(e) => setAreaCode(e.detail.value)} />
            </FormField>
          )}
          <Reason id='grant-reason' value={reason} onInput={setReason} placeholder='例如：街道推荐，新任东塘社区网格员' error={errors.reason} />
          {failureLine}
          {buttons('确认授予', grant)}
        </View>
      )}

      {panel?.kind === 'revoke' && (
        <View className='pp-panel' data-panel='revoke'>
          <View className='pp-panel-title'>{panel.role === 'grid_manager' ? '撤销网格员，或减少负责的网格' : `撤销${ROLE_LABELS[panel.role]}`}</View>
          {panel.role === 'grid_manager' && person.gridIds.length > 1 && (
            <FormField prefix='pp' name='gridIds' label='取消哪些网格' hint='不选则撤销网格员角色和全部网格'>
              <GridChoice value={gridIds} onChange={setGridIds} only={person.gridIds} />
            </FormField>
          )}
          {revoking && (
            <FormField prefix='pp' name='reassignTo' label='谁来接手他手中的案卷' required>
              <View className='pp-hint'>他手中还有 {person.openTickets} 件未办结的案卷。撤销前要改派给另一位网格员，否则会被拒绝。</View>
              <View className='pp-grid-list' ariaRole='radiogroup' ariaLabel='接手的网格员'>
                {(managers.data ?? []).map((m) => (
                  <View key={m.id} className={`pp-grid ${reassignTo === m.id ? 'on' : ''}`} data-reassign={m.id} ariaRole='radio' aria-checked={reassignTo === m.id ? 'true' : 'false'} onClick={() => setReassignTo(m.id)}>
                    <Text className='pp-check' aria-hidden='true'>{reassignTo === m.id ? '◉' : '○'}</Text>
                    <View className='pp-grid-body'><View className='pp-grid-name'>{m.nickname}</View><View className='pp-grid-desc'>负责 {m.gridIds.length} 个网格</View></View>
                  </View>
                ))}
                {managers.loading && <View className='pp-hint'>正在读取网格员…</View>}
              </View>
            </FormField>
          )}
          <Reason id='revoke-reason' value={reason} onInput={setReason} placeholder='例如：调往其他街道工作' error={errors.reason} />
          {failureLine}
          {buttons('确认撤销', () => revoke(panel.role), true)}
        </View>
      )}

      {panel?.kind === 'ban' && (
        <View className='pp-panel' data-panel='ban'>
          <View className='pp-panel-title'>暂停随手拍上报</View>
          <View className='pp-hint'>用于恶意刷屏、多次虚假上报等情况。期间他仍可以查看自己的上报、参加志愿活动和填写问卷。</View>
          <FormField prefix='pp' name='until' label='暂停到哪一天' required error={errors.until}>
            <Picker mode='date' value={banDay} start={days.start} end={days.end} onChange={(e) => { setBanDay(String(e.detail.value)); setErrors({}) }}>
              <View className='pp-input pp-date' id='ban-date' ariaRole='button' ariaLabel={`${dayText(banUntil(banDay))} 当天结束，点按更改`}>{dayText(banUntil(banDay))} 当天结束 ▾</View>
            </Picker>
          </FormField>
          <Reason id='ban-reason' value={reason} onInput={setReason} placeholder='会告诉他本人，例如：一周内 5 次上报与事实不符' error={errors.reason} />
          {failureLine}
          {buttons('确认暂停', ban, true)}
        </View>
      )}

      {panel?.kind === 'unban' && (
        <View className='pp-panel' data-panel='unban'>
          <View className='pp-panel-title'>恢复随手拍上报</View>
          <Reason id='unban-reason' value={reason} onInput={setReason} placeholder='例如：核实后为误判' error={errors.reason} />
          {failureLine}
          {buttons('确认恢复', unban)}
        </View>
      )}
    </View>
  )
}
