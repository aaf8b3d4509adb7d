import { View, Text, Textarea, Button, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MAX_REASON, hideInput, redactPhotoInput } from '../../../../core/admin-schemas'
import type { TicketView } from '../../../../core/views'
import { call, errorText } from '../../../api'
import { photoUrl } from '../../../api/upload'
import '../../../components/ticket-ui.css'

/**
 * The office's moderation on the ticket page: 屏蔽 / 取消屏蔽 the whole report, and 屏蔽照片 one photo at a time —
 * each with a reason (kept in the timeline and the audit list) and a confirm. Only shown where the server says the
 * viewer may (`ticket.mayModerate`).
 */

/** One step with a reason: check with the action's schema, confirm, send, reload; a refusal shows the server's words. */
function useReasonStep (onDone: () => Promise<void>) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (check: () => { ok: true } | { ok: false; message: string }, confirm: Taro.showModal.Option, send: () => Promise<unknown>, toast: string): Promise<boolean> => {
    if (busy) return false
    const checked = check()
    if (!checked.ok) { setError(checked.message); return false }
    const { confirm: yes } = await Taro.showModal({ cancelText: '再想想', ...confirm })
    if (!yes) return false
    setBusy(true)
    setError(null)
    try {
      await send()
      setReason('')
      void Taro.showToast({ title: toast, icon: 'success' })
      await onDone()
      return true
    } catch (e) {
      setError(errorText(e))
      if ((e as { code?: string }).code === 'CONFLICT') await onDone()
      return false
    } finally {
      setBusy(false)
    }
  }
  return { reason, setReason, error, setError, busy, run }
}

function ReasonBox ({ id, value, onInput, placeholder }: { id: string; value: string; onInput: (v: string) => void; placeholder: string }) {
  return (
    <View>
      <Textarea className='tk-note note-input' id={id} value={value} maxlength={MAX_REASON} placeholder={placeholder} ariaLabel='原因' onInput={(e) => onInput(e.detail.value)} />
      <View className='tk-count'>{value.length}/{MAX_REASON} 字</View>
    </View>
  )
}

const firstMessage = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  r.success ? { ok: true as const } : { ok: false as const, message: r.error?.issues[0]?.message ?? '请写明原因' }

/** 屏蔽 / 取消屏蔽: the card in the side column, under the workflow's steps. */
export function HideCard ({ ticket, onDone }: { ticket: TicketView; onDone: () => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const step = useReasonStep(onDone)
  const hidden = Boolean(ticket.hidden)
  const payload = () => ({ id: ticket.id, expectedVersion: ticket.version, reason: step.reason })

  const send = async () => {
    const done = await step.run(() => firstMessage(hideInput.safeParse(payload())), hidden
      ? { title: '恢复公开显示？', content: '其他居民又能在附近的上报里看到它、关注它；合作系统（Open311）也能读到。', confirmText: '恢复显示' }
      : { title: '不公开显示这条上报？', content: '其他居民和合作系统将看不到它；上报人、处理人和文明办仍能看到，它也照常计入各项指标。', confirmText: '不公开显示', confirmColor: '#c92a2a' },
    () => call('tickets', hidden ? 'unhide' : 'hide', payload()), hidden ? '已恢复显示' : '已设为不公开')
    if (done) setOpen(false)
  }

  return (
    <View className='card actions-card' id='moderation-card'>
      <View className='act-title'>内容管理</View>
      {!open && (
        <View>
          <View className='tk-hint'>{hidden ? '这条上报现在不公开显示。' : '含有他人隐私、不文明内容或恶意信息时，可以不公开显示。'}</View>
          <View className='btn-row'>
            <Button className={`tk-btn ${hidden ? '' : 'warn'}`} id='hide-open' onClick={() => { setOpen(true); step.setError(null) }}>{hidden ? '恢复公开显示' : '不公开显示（屏蔽）'}</Button>
          </View>
        </View>
      )}
      {open && (
        <View className='act-prompt' data-prompt={hidden ? 'unhide' : 'hide'}>
          <View className='act-title'>{hidden ? '恢复公开显示' : '不公开显示这条上报'}</View>
          <View className='tk-hint'>原因会记入办理过程和操作记录，上报人能在办理过程里看到。</View>
          <ReasonBox id='hide-reason' value={step.reason} onInput={(v) => { step.setReason(v); step.setError(null) }}
            placeholder={hidden ? '例如：已核实，内容无不妥' : '例如：描述中含有他人的电话号码'} />
          {step.error && <View className='tk-error error-text' id='hide-error' ariaRole='alert'>{step.error}</View>}
          <View className='btn-row'>
            <Button className={`tk-btn ${hidden ? '' : 'warn'} ${step.busy ? 'is-off' : ''}`} id='hide-submit' onClick={() => void send()}>{hidden ? '确认恢复' : '确认屏蔽'}</Button>
            <Button className='tk-btn plain' onClick={() => setOpen(false)}>取消</Button>
          </View>
        </View>
      )}
    </View>
  )
}

/**
 * The photos as the office sees them: a redacted one as 已屏蔽 with its reason (tap still shows it to the office),
 * every other one with 屏蔽照片 under it.
 */
export function ModeratedPhotos ({ ticket, onDone }: { ticket: TicketView; onDone: () => Promise<void> }) {
  const [target, setTarget] = useState<string | null>(null)
  const step = useReasonStep(onDone)
  const redacted = new Map((ticket.redactedPhotos ?? []).map((r) => [r.fileId, r]))

  const send = async (fileId: string) => {
    const payload = { id: ticket.id, fileId, expectedVersion: ticket.version, reason: step.reason }
    const done = await step.run(() => firstMessage(redactPhotoInput.safeParse(payload)),
      { title: '屏蔽这张照片？', content: '除文明办外，所有人都将看不到这张照片（合作系统也看不到）；原因记入办理过程和操作记录。', confirmText: '屏蔽照片', confirmColor: '#c92a2a' },
      () => call('tickets', 'redactPhoto', payload), '已屏蔽照片')
    if (done) setTarget(null)
  }

  const strip = (title: string, photos: string[], kind: string) => {
    if (photos.length === 0) return null
    const urls = photos.map((p) => photoUrl(p))
    return (
      <View className='photo-strip' data-photos={kind}>
        <Text className='muted'>{title}</Text>
        <View className='photo-strip-row'>
          {photos.map((p, i) => {
            const r = redacted.get(p)
            return (
              <View key={p} className='md-photo' data-photo={p}>
                <View className='photo-strip-cell' onClick={() => void Taro.previewImage({ current: urls[i], urls })}>
                  {r ? <View className='photo-strip-img md-redacted' ariaLabel='已屏蔽的照片'>已屏蔽</View> : <Image className='photo-strip-img' mode='aspectFill' src={photoUrl(p, true)} />}
                  {ticket.photoStatus[p] && !r && <Text className={`photo-strip-badge ${ticket.photoStatus[p]}`}>{ticket.photoStatus[p] === 'pending' ? '审核中' : '未通过审核'}</Text>}
                </View>
                {r
                  ? <View className='md-reason' data-redacted={p}>原因：{r.reason}</View>
                  : <View className='md-redact' data-redact={p} ariaRole='button' ariaLabel={`屏蔽${title}第 ${i + 1} 张`} onClick={() => { setTarget(p); step.setError(null) }}>屏蔽照片</View>}
              </View>
            )
          })}
        </View>
      </View>
    )
  }

  return (
    <View>
      {strip('上报照片', ticket.photos, 'before')}
      {strip('处理后照片', ticket.afterPhotos, 'after')}
      {target && (
        <View className='act-prompt' data-prompt='redactPhoto'>
          <View className='act-title'>屏蔽这张照片</View>
          <View className='tk-hint'>照片会从所有人的页面上消失，只有文明办还能看到（标为已屏蔽）。文件本身保留。</View>
          <ReasonBox id='redact-reason' value={step.reason} onInput={(v) => { step.setReason(v); step.setError(null) }} placeholder='例如：照片拍到了路人的脸和车牌' />
          {step.error && <View className='tk-error error-text' id='redact-error' ariaRole='alert'>{step.error}</View>}
          <View className='btn-row'>
            <Button className={`tk-btn warn ${step.busy ? 'is-off' : ''}`} id='redact-submit' onClick={() => void send(target)}>确认屏蔽</Button>
            <Button className='tk-btn plain' onClick={() => setTarget(null)}>取消</Button>
          </View>
        </View>
      )}
    </View>
  )
}
