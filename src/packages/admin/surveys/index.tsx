import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { SurveyAdminItem, SurveyTemplateView } from '../../../../core/survey-views'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { ResidentEmpty, ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { usePaged } from '../../../utils/use-paged'
import { PHASE_LABELS, PHASE_TAGS, answersText, surveyPhase, versionText, windowText } from './survey-format'
import './index.css'

const PAGE_SIZE = 20

const failed = (title: string, e: unknown) =>
  void Taro.showModal({ title, content: errorText(e), showCancel: false, confirmText: '知道了' })

/**
 * 问卷管理: every survey of the office, newest first, with its state, window, version and counted answers (staff
 * test answers apart). 新建问卷 starts from one of the built-in questionnaires or a blank one; each survey offers
 * what its state allows. On a phone the surveys are cards; at a desk (from 1,024 px) the same rows line up as a table.
 */
export default function Surveys () {
  const list = usePaged((cursor) => call('surveys', 'adminList', { cursor, limit: PAGE_SIZE }))
  const [busy, setBusy] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)
  const [templates, setTemplates] = useState<SurveyTemplateView[] | null>(null)
  const [templatesError, setTemplatesError] = useState<string | null>(null)
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }

  // Coming back from the editor or the results: what was saved, published or copied there shows.
  useDidShow(() => { void list.load(null) })
  useReachBottom(more)

  const loadTemplates = async () => {
    setTemplatesError(null)
    try {
      setTemplates(await call('surveys', 'templates', {}))
    } catch (e) {
      setTemplatesError(errorText(e))
    }
  }
  const togglePicker = () => {
    const open = !picking
    setPicking(open)
    if (open && templates === null) void loadTemplates()
  }

  const edit = (s: Pick<SurveyAdminItem, 'id'>) => void Taro.navigateTo({ url: pageUrl(PAGES.surveyEdit, { id: s.id }) })
  const results = (s: SurveyAdminItem) => void Taro.navigateTo({ url: pageUrl(PAGES.surveyResults, { id: s.id }) })

  /** One step at a time: a second tap while one runs does nothing. */
  const run = async (key: string, step: () => Promise<void>) => {
    if (busy) return
    setBusy(key)
    try {
      await step()
    } finally {
      setBusy(null)
    }
  }

  const fromTemplate = (t: SurveyTemplateView) => run(`template-${t.id}`, async () => {
    try {
      const draft = await call('surveys', 'fromTemplate', { template: t.id as 'awareness' | 'satisfaction' | 'mock' })
      setPicking(false)
      edit(draft)
    } catch (e) {
      failed('没有建成问卷', e)
    }
  })
  const blank = () => {
    setPicking(false)
    void Taro.navigateTo({ url: pageUrl(PAGES.surveyEdit) })
  }

  const publish = (s: SurveyAdminItem) => run(s.id, async () => {
    const { confirm } = await Taro.showModal({
      title: '发布这份问卷？',
      content: '发布后居民就能在开放时间内填写；题目不能再修改，要改只能「复制为新版本」。',
      confirmText: '发布',
      cancelText: '再想想'
    })
    if (!confirm) return
    try {
      await call('surveys', 'publish', { id: s.id })
      void Taro.showToast({ title: '已发布', icon: 'success' })
      await list.load(null)
    } catch (e) {
      failed('没有发布成功', e)
    }
  })

  const close = (s: SurveyAdminItem) => run(s.id, async () => {
    const { confirm } = await Taro.showModal({
      title: '结束这份问卷？',
      content: `结束后不再接收答卷，已收到的 ${s.responses} 份有效答卷保留，结果可以查看和导出。结束后不能重新开放。`,
      confirmText: '结束问卷',
      confirmColor: '#c92a2a',
      cancelText: '再想想'
    })
    if (!confirm) return
    try {
      await call('surveys', 'close', { id: s.id })
      void Taro.showToast({ title: '问卷已结束', icon: 'success' })
      await list.load(null)
    } catch (e) {
      failed('没有结束成功', e)
    }
  })

  const duplicate = (s: SurveyAdminItem) => run(s.id, async () => {
    try {
      const copy = await call('surveys', 'duplicate', { id: s.id })
      void Taro.showToast({ title: `已复制为${versionText(copy)}`, icon: 'success' })
      edit(copy)
    } catch (e) {
      failed('没有复制成功', e)
    }
  })

  const now = Date.now()
  const first = list.items.length === 0
  const forbidden = first && list.error !== null

  return (
    <PageShell className='surveys'>
      <View className='sv-body'>
        {!forbidden && (
          <View className='sv-top'>
            <View className='btn-primary sv-new' id='new-survey' ariaRole='button' aria-expanded={picking ? 'true' : 'false'} onClick={togglePicker}>
              {picking ? '收起' : '＋ 新建问卷'}
            </View>
          </View>
        )}
        {picking && (
          <View className='card sv-templates' id='template-panel'>
            <View className='sv-panel-title'>从哪里开始？</View>
            <View className='sv-panel-hint'>选一个模板，题目和计分方式都已设好，改成你要的再发布；也可以从空白问卷开始。</View>
            {templatesError && (
              <View className='sv-panel-error'>
                <Text className='error-text'>{templatesError}</Text>
                <View className='btn-small plain' ariaRole='button' onClick={() => void loadTemplates()}>重试</View>
              </View>
            )}
            {templates === null && !templatesError && <View className='sv-panel-hint'>正在读取模板…</View>}
            {(templates ?? []).map((t) => (
              <View key={t.id} className={`sv-template ${busy === `template-${t.id}` ? 'sv-busy' : ''}`} data-template={t.id} ariaRole='button' onClick={() => void fromTemplate(t)}>
                <View className='sv-template-head'>
                  <Text className='sv-template-name'>{t.name}</Text>
                  <Text className='sv-template-count'>{t.questions} 道题</Text>
                </View>
                <View className='sv-template-summary'>{t.summary}</View>
                {busy === `template-${t.id}` && <View className='sv-template-summary'>正在建立草稿…</View>}
              </View>
            ))}
            <View className='sv-template sv-blank' data-template='blank' ariaRole='button' onClick={blank}>
              <View className='sv-template-head'><Text className='sv-template-name'>空白问卷</Text></View>
              <View className='sv-template-summary'>从第一道题开始自己写。</View>
            </View>
          </View>
        )}
        <StatusView signInReason='登录后可以管理问卷' loading={list.loading && first} error={first ? list.error : null} onRetry={() => void list.load(null)}>
          {first
            ? (
              <ResidentEmpty
                id='surveys-empty' icon='📝' title='还没有问卷'
                text='点「新建问卷」，从知晓率、满意度或模拟测评模板开始，存为草稿，确认无误后发布，居民就能填写。'
                action={{ label: '新建问卷', onClick: togglePicker }}
              />
              )
            : (
              <View className='sv-table' id='survey-list' ariaRole='table' ariaLabel='问卷列表'>
                <View className='sv-row sv-head' ariaRole='row'>
                  <View className='sv-cell' ariaRole='columnheader'>问卷</View>
                  <View className='sv-cell' ariaRole='columnheader'>状态</View>
                  <View className='sv-cell' ariaRole='columnheader'>开放时间</View>
                  <View className='sv-cell' ariaRole='columnheader'>答卷</View>
                  <View className='sv-cell' ariaRole='columnheader'>操作</View>
                </View>
                {list.items.map((s) => {
                  const phase = surveyPhase(s, now)
                  const on = busy === s.id
                  return (
                    <View key={s.id} className='sv-row sv-item' data-survey={s.id} data-phase={phase} ariaRole='row'>
                      <View className='sv-cell sv-col-title' ariaRole='cell'>
                        <View className='sv-title'>{s.title}</View>
                        <Text className='sv-version'>{versionText(s)}{s.parentId ? '（由上一版复制）' : ''}</Text>
                      </View>
                      <View className='sv-cell sv-col-status' ariaRole='cell'>
                        <Text className={`tag ${PHASE_TAGS[phase]}`} data-status={phase}>{PHASE_LABELS[phase]}</Text>
                      </View>
                      <View className='sv-cell sv-col-window sv-line' ariaRole='cell'>{windowText(s)}</View>
                      <View className='sv-cell sv-col-count sv-line' ariaRole='cell' data-count={s.responses}>
                        {s.status === 'draft' ? '草稿只有文明办能看到' : answersText(s.responses, s.testResponses)}
                      </View>
                      <View className='sv-cell sv-col-actions' ariaRole='cell'>
                        {s.status === 'draft' && (
                          <>
                            <View className='btn-small plain' id={`edit-${s.id}`} ariaRole='button' ariaLabel={`编辑：${s.title}`} onClick={() => edit(s)}>编辑</View>
                            <View className={`btn-small ${on ? 'sv-busy' : ''}`} id={`publish-${s.id}`} ariaRole='button' ariaLabel={`发布：${s.title}`} onClick={() => void publish(s)}>{on ? '请稍候…' : '发布'}</View>
                          </>
                        )}
                        {s.status !== 'draft' && (
                          <>
                            <View className='btn-small' id={`results-${s.id}`} ariaRole='button' ariaLabel={`查看结果：${s.title}`} onClick={() => results(s)}>查看结果</View>
                            <View className='btn-small plain' id={`view-${s.id}`} ariaRole='button' ariaLabel={`查看题目：${s.title}`} onClick={() => edit(s)}>查看题目</View>
                          </>
                        )}
                        {s.status === 'open' && phase !== 'ended' && (
                          <View className='btn-small plain sv-danger' id={`close-${s.id}`} ariaRole='button' ariaLabel={`结束：${s.title}`} onClick={() => void close(s)}>结束</View>
                        )}
                        <View className='btn-small plain' id={`duplicate-${s.id}`} ariaRole='button' ariaLabel={`复制为新版本：${s.title}`} onClick={() => void duplicate(s)}>复制为新版本</View>
                      </View>
                    </View>
                  )
                })}
              </View>
              )}
          <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={list.items.length} onMore={more} />
        </StatusView>
      </View>
    </PageShell>
  )
}
