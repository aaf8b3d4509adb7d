import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { QrCode } from '../../../components/qr-code'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { CertificateBody } from './body'
import './index.css'

/**
 * The verification form's address for the line under the QR code: the QR's address (`…/v/<number>?c=<code>`)
 * without the code and the number, which the reader types from the paper.
 */
function verifyAddress (url: string, number: string): string {
  const path = url.split('?')[0]
  const tail = `/${encodeURIComponent(number)}`
  return path.endsWith(tail) ? path.slice(0, -tail.length) : path
}

/**
 * 志愿服务记录证明 as a printable page: the four blocks, the records, and a QR code of the public verification
 * address so whoever receives it can check it. H5 prints it; on WeChat a screenshot keeps it.
 */
export default function Certificate () {
  const number = useRouter()?.params?.number ?? ''
  const { data: c, loading, error, reload } = useAction(() => call('volunteer', 'certificate', { number }), [number])
  // Parenthesised: the page tests' transformer rewrites the name to `TARO_ENV_JEST || TARO_ENV`, which needs them.
  const h5 = (process.env.TARO_ENV) === 'h5'

  const print = () => {
    if ((process.env.TARO_ENV) === 'h5') window.print()
  }

  return (
    <PageShell className='certificate-page'>
      <StatusView signInReason='登录后可以查看你的志愿服务记录证明' loading={loading && !c} error={c ? null : error} onRetry={reload}>
        {c && (
          <View id='certificate' data-number={c.number}>
            <View className='cert-sheet'>
              <View className='cert-title' id='cert-title'>志愿服务记录证明</View>
              <View className='cert-lead'>兹证明 {c.realName} 同志参加志愿服务，经记录单位核实，其服务记录如下：</View>
              <CertificateBody c={c} />
              <View className='cert-verify' id='cert-verify'>
                <QrCode text={c.verifyUrl} size={280} label='证明核验二维码' />
                <View className='cert-verify-text'>扫码或访问 <Text className='cert-mono'>{verifyAddress(c.verifyUrl, c.number)}</Text> 输入编号和校验码核验真伪</View>
              </View>
            </View>
            <View className='cert-actions'>
              {h5
                ? <View className='cert-btn' id='print-button' ariaRole='button' onClick={print}>打印 / 保存为 PDF</View>
                : <View className='cert-note' id='cert-save-note'>保存：请截屏保存本页。需要纸质证明，可在电脑浏览器打开本页打印，或到出具单位盖章。</View>}
            </View>
          </View>
        )}
      </StatusView>
    </PageShell>
  )
}
