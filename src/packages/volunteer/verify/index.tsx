import { View, Text, Input } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { verifyCertificateInput } from '../../../../core/schemas'
import type { VerifyView } from '../../../../core/volunteer/views'
import { ApiError, call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { CertificateBody } from '../certificate/body'
import './index.css'

const NOT_FOUND = '证明不存在或校验码不对'

const param = (v: string | undefined) => {
  if (!v) return ''
  try { return decodeURIComponent(v) } catch { return v }
}

/**
 * 证明核验: anyone holding a 志愿服务记录证明 — an employer, a school — types (or scans into) its number and check
 * code and sees whether it is genuine and exactly what it states. Public: works for a visitor who is not signed in.
 */
export default function Verify () {
  const params = useRouter()?.params ?? {}
  // number/code as core/pages' links name them; n/c as the gateway's short verification address does.
  const [number, setNumber] = useState(() => param(params.number ?? params.n))
  const [code, setCode] = useState(() => param(params.code ?? params.c))
  const [errors, setErrors] = useState<{ number?: string; code?: string }>({})
  const [result, setResult] = useState<VerifyView['certificate'] | null>(null)
  const [notFound, setNotFound] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const verify = async (n = number, c = code) => {
    if (busy) return
    const parsed = verifyCertificateInput.safeParse({ number: n.trim().toUpperCase(), code: c.trim().toUpperCase() })
    setResult(null)
    setNotFound(false)
    setFailure(null)
    if (!parsed.success) {
      const found: { number?: string; code?: string } = {}
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as 'number' | 'code'
        if (!found[key]) found[key] = issue.message
      }
      setErrors(found)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      setResult((await call('volunteer', 'verifyCertificate', parsed.data)).certificate)
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') setNotFound(true)
      else setFailure(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  // Opened from the certificate's QR code: both are in the address, so answer at once.
  useEffect(() => {
    if (number && code) void verify(number, code)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const edit = (set: (v: string) => void, key: 'number' | 'code') => (e: { detail: { value: string } }) => {
    set(e.detail.value)
    setErrors((x) => ({ ...x, [key]: undefined }))
    setResult(null)
    setNotFound(false)
  }

  return (
    <PageShell className='verify-page'>
      <View className='card vf-form' id='verify-form'>
        <View className='vf-intro'>核验志愿服务记录证明的真伪：填写证明上的编号和校验码。</View>
        <View className='vf-field'>
          <Text className='vf-label' id='verify-number-label'>证明编号</Text>
          <Input className={`vf-input ${errors.number ? 'invalid' : ''}`} id='verify-number' value={number} maxlength={20}
            placeholder='如 ZZ2026-000123' aria-labelledby='verify-number-label' onInput={edit(setNumber, 'number')} />
          {errors.number && <View className='error-text vf-error' id='verify-number-error'>{errors.number}</View>}
        </View>
        <View className='vf-field'>
          <Text className='vf-label' id='verify-code-label'>校验码</Text>
          <Input className={`vf-input ${errors.code ? 'invalid' : ''}`} id='verify-code' value={code} maxlength={6}
            placeholder='6 位字母或数字' aria-labelledby='verify-code-label' onInput={edit(setCode, 'code')} onConfirm={() => void verify()} />
          {errors.code && <View className='error-text vf-error' id='verify-code-error'>{errors.code}</View>}
        </View>
        <View className={`vf-submit ${busy ? 'busy' : ''}`} id='verify-submit' ariaRole='button' onClick={() => void verify()}>{busy ? '正在核验…' : '核验'}</View>
      </View>

      {notFound && (
        <View className='card vf-bad' id='verify-not-found' aria-live='polite'>
          <View className='vf-bad-title'>✗ {NOT_FOUND}</View>
          <View className='vf-hint'>请核对编号和 6 位校验码是否与证明上的一致。仍然不符的，这份证明可能不是本平台出具的，请联系出具单位核实。</View>
        </View>
      )}
      {failure && <View className='card error-text' id='verify-failure' aria-live='polite'>{failure}</View>}

      {result && (
        <View id='verify-result' data-number={result.number}>
          <View className='card vf-ok' aria-live='polite'>
            <View className='vf-ok-title' id='verify-valid'>✓ 证明真实有效</View>
            <View className='vf-hint'>以下是这份证明开具时记载的内容，请与纸面或截图逐项对照。</View>
          </View>
          <View className='card vf-sheet'>
            <View className='vf-sheet-title'>志愿服务记录证明</View>
            <CertificateBody c={result} />
          </View>
        </View>
      )}
    </PageShell>
  )
}
