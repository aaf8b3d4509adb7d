import { Button, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../core/pages'
import { PageShell } from '../../components/page-shell'
import { goBackOrHome } from '../../utils/navigate'
import './index.css'

/** Where an unknown address lands (app.ts's onPageNotFound): say so, and offer the way home. */
export default function NotFound () {
  const { params } = useRouter()
  const asked = params.path ? decodeURIComponent(params.path) : ''
  return (
    <PageShell className='not-found'>
      <View className='status' id='not-found'>
        <View className='nf-mark' aria-hidden='true'>?</View>
        <View className='status-title'>页面不存在</View>
        <View className='status-desc'>要打开的页面不存在，可能是链接有误，或页面已经下线。</View>
        {asked && <View className='status-desc nf-path'>{asked}</View>}
        <View className='status-actions'>
          <Button className='btn-primary' id='not-found-home' onClick={() => void Taro.switchTab({ url: pageUrl(PAGES.home) })}>回到首页</Button>
          {Taro.getCurrentPages().length > 1 && <Button className='btn-plain' onClick={() => void goBackOrHome()}>返回上一页</Button>}
        </View>
      </View>
    </PageShell>
  )
}
