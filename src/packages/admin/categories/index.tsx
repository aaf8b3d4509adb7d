import { View, Text, Input, Picker, Switch } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { CATEGORY_CODE_HINT, MAX_DUPLICATE_RADIUS_M, MAX_TIME_LIMIT_HOURS } from '../../../../core/categories'
import type { Category, CategoryKind } from '../../../../core/types'
import { ApiError, call, errorText } from '../../../api'
import { FormField } from '../../../components/form-field'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { blankForm, checkForm, factsOf, formOf, groupsOf, inputOf, nextCode, type CategoryForm, type FormErrors, type FormField as Field } from './form'
import './index.css'

const KINDS: Array<{ kind: CategoryKind; label: string }> = [{ kind: 'component', label: '部件（公共设施）' }, { kind: 'event', label: '事件（环境秩序）' }]
const KIND_TAG: Record<CategoryKind, string> = { component: '部件', event: '事件' }

interface Editing { form: CategoryForm; parent: Category | null; original: Category | null }

function Row ({ label, name, errors, hint, required = false, children }: { label: string; name: Field; errors: FormErrors; hint?: string; required?: boolean; children: ReactNode }) {
  return <FormField prefix='cg' name={name} label={label} error={errors[name]} hint={hint} required={required}>{children}</FormField>
}

/**
 * 问题分类: the two-level taxonomy residents report under — 大类 with their 小类, each with its time limit, department,
 * duplicate radius and whether anonymous reports are allowed. An edit applies to reports filed from now on; a
 * switched-off category leaves the report form, and tickets already filed keep showing it.
 */
export default function Categories () {
  const list = useAction(() => call('admin', 'categories', {}))
  const [editing, setEditing] = useState<Editing | null>(null)
  const [errors, setErrors] = useState<FormErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const all = list.data ?? []

  const open = (e: Editing) => { setEditing(e); setErrors({}); setFailure(null) }
  const close = () => { setEditing(null); setErrors({}); setFailure(null) }
  const change = (patch: Partial<CategoryForm>, ...fields: Field[]) => {
    setEditing((e) => (e ? { ...e, form: { ...e.form, ...patch } } : e))
    setFailure(null)
    if (fields.length) setErrors((x) => { const n = { ...x }; for (const k of fields) delete n[k]; return n })
  }

  /** A save's refusal: a field's message by its field, anything else above the buttons. */
  const refused = (e: unknown) => {
    const details = e instanceof ApiError && e.code === 'VALIDATION' ? (e.details as Array<{ path: string; message: string }> | undefined) : undefined
    const field = details?.[0]?.path as Field | undefined
    if (field && ['code', 'name', 'icon', 'timeLimitHours', 'department', 'duplicateRadiusM', 'active', 'parentCode'].includes(field)) {
      setErrors({ [field === 'parentCode' ? 'code' : field]: details![0].message })
    } else setFailure(errorText(e))
  }

  const save = async () => {
    if (!editing || busy) return
    const checked = checkForm(editing.form)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: checked.first, icon: 'none', duration: 3000 })
      return
    }
    if (editing.original?.active && !checked.input.active) {
      const { confirm } = await Taro.showModal({
        title: `停用「${checked.input.name}」？`,
        content: '停用后居民上报时不再显示这个分类；已有的案卷不受影响，仍显示这个分类。',
        confirmText: '停用',
        cancelText: '不停用'
      })
      if (!confirm) return
    }
    setBusy(true)
    try {
      await call('admin', 'saveCategory', checked.input)
      void Taro.showToast({ title: editing.form.create ? '已新建' : '已保存', icon: 'success' })
      close()
      await list.reload()
    } catch (e) {
      refused(e)
    } finally {
      setBusy(false)
    }
  }

  const toggle = async (c: Category) => {
    if (busy) return
    const off = c.active
    const { confirm } = await Taro.showModal({
      title: `${off ? '停用' : '启用'}「${c.name}」？`,
      content: off
        ? '停用后居民上报时不再显示这个分类，新的上报不能再选它；已有的案卷不受影响，仍显示这个分类。'
        : '启用后居民上报时可以选择这个分类，按它的处理时限和责任部门办理。',
      confirmText: off ? '停用' : '启用',
      cancelText: '取消'
    })
    if (!confirm) return
    setBusy(true)
    try {
      await call('admin', 'saveCategory', { ...inputOf(formOf(c)), active: !off })
      void Taro.showToast({ title: off ? '已停用' : '已启用', icon: 'success' })
      await list.reload()
    } catch (e) {
      void Taro.showModal({ title: off ? '没有停用' : '没有启用', content: errorText(e), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  if (editing) {
    const { form, parent, original } = editing
    const level = parent || (original && original.level === 2) ? 2 : 1
    const title = form.create ? (level === 2 ? `在「${parent?.name ?? ''}」下新增小类` : '新增大类') : `编辑${level === 2 ? '小类' : '大类'}「${original?.name ?? ''}」`
    const kindIndex = KINDS.findIndex((k) => k.kind === form.kind)
    return (
      <PageShell className='categories'>
        <View className='cg-body' id='category-form'>
          <View className='section-title' id='form-title'>{title}</View>
          <View className='card'>
            {form.create && level === 1 && (
              <Row label='类型' name='kind' errors={errors} hint='部件是公共设施的问题，事件是环境和秩序的问题'>
                <Picker mode='selector' range={KINDS.map((k) => k.label)} value={kindIndex} onChange={(e) => {
                  const kind = KINDS[Number(e.detail.value)].kind
                  change({ kind, code: nextCode(all, null, kind) }, 'code', 'kind')
                }}>
                  <View className='cg-input cg-picker' id='kind-picker' ariaRole='button'>{KINDS[kindIndex]?.label}</View>
                </Picker>
              </Row>
            )}
            <Row label='分类代码' name='code' errors={errors} required hint={form.create ? CATEGORY_CODE_HINT : '代码建好后不能再改（已有案卷按它对接）'}>
              {form.create
                ? <Input className='cg-input' id='code-input' value={form.code} maxlength={8} ariaLabel='分类代码' onInput={(e) => change({ code: e.detail.value }, 'code')} />
                : <View className='cg-input cg-readonly' id='code-readonly'>{form.code}</View>}
            </Row>
            {level === 2 && <View className='cg-hint' id='parent-line'>所属大类：{(parent ?? all.find((c) => c.code === original?.parentCode))?.name ?? original?.parentCode}（{KIND_TAG[form.kind]}）</View>}
            <Row label='名称' name='name' errors={errors} required hint='居民上报时看到的名字，2–20 个字'>
              <Input className='cg-input' id='name-input' value={form.name} maxlength={20} placeholder='例如：乱扔烟头' ariaLabel='名称' onInput={(e) => change({ name: e.detail.value }, 'name')} />
            </Row>
            <Row label='图标' name='icon' errors={errors} required hint='一个表情符号，如 🚮 🚲 💡'>
              <Input className='cg-input cg-icon-input' id='icon-input' value={form.icon} maxlength={16} ariaLabel='图标' onInput={(e) => change({ icon: e.detail.value }, 'icon')} />
            </Row>
          </View>
          <View className='card'>
            <Row label='处理时限（小时）' name='timeLimitHours' errors={errors} required hint={`从上报起算，1 小时到 90 天（${MAX_TIME_LIMIT_HOURS} 小时）；只对以后的上报生效`}>
              <View className='row'>
                <Input className='cg-input cg-number' id='hours-input' type='number' value={form.timeLimitHours} ariaLabel='处理时限（小时）' onInput={(e) => change({ timeLimitHours: e.detail.value }, 'timeLimitHours')} />
                <Text className='cg-unit'>小时</Text>
              </View>
            </Row>
            <Row label='责任部门' name='department' errors={errors} required hint='案卷派给谁办理，例如 城管局、环卫处'>
              <Input className='cg-input' id='department-input' value={form.department} maxlength={30} ariaLabel='责任部门' onInput={(e) => change({ department: e.detail.value }, 'department')} />
            </Row>
            <Row label='重复提示范围（米）' name='duplicateRadiusM' errors={errors} required hint={`这个范围内已有同类上报时，提示居民「附近已有人报过」；0–${MAX_DUPLICATE_RADIUS_M} 米`}>
              <View className='row'>
                <Input className='cg-input cg-number' id='radius-input' type='number' value={form.duplicateRadiusM} ariaLabel='重复提示范围（米）' onInput={(e) => change({ duplicateRadiusM: e.detail.value }, 'duplicateRadiusM')} />
                <Text className='cg-unit'>米</Text>
              </View>
            </Row>
            <View className='cell cg-switch-cell'>
              <View className='cell-body'><View className='cell-title'>允许匿名上报</View><View className='cell-desc'>需要回访核实的问题（如噪音扰民）建议关闭</View></View>
              <Switch id='anonymous-switch' checked={form.allowAnonymous} color='#06773b' ariaLabel='允许匿名上报' onChange={(e) => change({ allowAnonymous: e.detail.value })} />
            </View>
            <View className='cell cg-switch-cell'>
              <View className='cell-body'><View className='cell-title'>启用</View><View className='cell-desc'>停用后居民上报时不再显示</View></View>
              <Switch id='active-switch' checked={form.active} color='#06773b' ariaLabel='启用' onChange={(e) => change({ active: e.detail.value }, 'active')} />
            </View>
            {errors.active && <View className='error-text cg-error' id='error-active' ariaRole='alert'>{errors.active}</View>}
          </View>
          {failure && <View className='card error-text' id='save-error' ariaRole='alert'>{failure}</View>}
          <View className='cg-bar'>
            <View className='btn-plain cg-button' id='cancel-edit' ariaRole='button' onClick={close}>取消</View>
            <View className={`btn-primary cg-button ${busy ? 'cg-busy' : ''}`} id='save-category' ariaRole='button' onClick={() => void save()}>{busy ? '正在保存…' : '保存'}</View>
          </View>
        </View>
      </PageShell>
    )
  }

  const groups = groupsOf(all)
  return (
    <PageShell className='categories'>
      <View className='cg-body'>
        <View className='cg-note' id='categories-note'>修改只对以后的上报生效：已有案卷保留上报时的处理时限和责任部门。停用的分类不再出现在上报页，已有案卷仍显示它。</View>
        <StatusView signInReason='登录后可以管理问题分类' loading={list.loading} error={list.error} onRetry={list.reload} empty={groups.length === 0} emptyText='还没有问题分类' emptyHint='先新增一个大类，再在它下面新增小类'>
          <View id='category-groups'>
            {groups.map(({ category: g, items }) => (
              <View className={`card cg-group ${g.active ? '' : 'cg-off'}`} key={g.id} data-group={g.code}>
                <View className='row cg-group-head'>
                  <Text className='cg-icon' aria-hidden='true'>{g.icon}</Text>
                  <View className='cell-body'>
                    <View className='cg-group-name'>{g.name}</View>
                    <View className='cell-desc'><Text className='tag'>{KIND_TAG[g.kind]}</Text><Text>{g.code}</Text>{!g.active && <Text className='tag red cg-state'>已停用</Text>}</View>
                  </View>
                </View>
                <View className='row cg-actions'>
                  <View className='btn-small plain' data-edit={g.code} ariaRole='button' onClick={() => open({ form: formOf(g), parent: null, original: g })}>编辑</View>
                  <View className='btn-small plain' data-toggle={g.code} ariaRole='button' onClick={() => void toggle(g)}>{g.active ? '停用' : '启用'}</View>
                  <View className='btn-small plain' data-add-to={g.code} ariaRole='button' onClick={() => open({ form: blankForm(all, g), parent: g, original: null })}>新增小类</View>
                </View>
                <View className='cg-items'>
                  {items.length === 0 && <View className='muted cg-empty'>还没有小类</View>}
                  {items.map((c) => (
                    <View className={`cell cg-item ${c.active ? '' : 'cg-off'}`} key={c.id} data-category={c.code}>
                      <Text className='cg-icon' aria-hidden='true'>{c.icon}</Text>
                      <View className='cell-body' ariaRole='button' onClick={() => open({ form: formOf(c), parent: null, original: c })}>
                        <View className='cell-title'>{c.name}{!c.active && <Text className='tag red cg-state'>已停用</Text>}</View>
                        <View className='cell-desc'>{c.code} · {factsOf(c)}</View>
                      </View>
                      <View className='btn-small plain cg-toggle' data-toggle={c.code} ariaRole='button' onClick={() => void toggle(c)}>{c.active ? '停用' : '启用'}</View>
                    </View>
                  ))}
                </View>
              </View>
            ))}
          </View>
        </StatusView>
        {!list.loading && !list.error && (
          <View className='cg-bar'>
            <View className='btn-primary cg-button' id='add-group' ariaRole='button' onClick={() => open({ form: blankForm(all, null), parent: null, original: null })}>新增大类</View>
          </View>
        )}
      </View>
    </PageShell>
  )
}
