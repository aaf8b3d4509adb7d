import { View, Image, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PhotoReviewStatus } from '../../core/types'
import { photoUrl } from '../api/upload'

const BADGE: Partial<Record<PhotoReviewStatus, string>> = { pending: '审核中，仅你可见', rejected: '未通过审核' }

/** Thumbnails that open full size on tap; the uploader's photos still under review (or refused) are marked. */
export function PhotoStrip ({ title, photos, status = {} }: { title: string; photos: string[]; status?: Record<string, PhotoReviewStatus> }) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => photoUrl(p))
  return (
    <View className='photo-strip'>
      <Text className='muted'>{title}</Text>
      <View className='photo-strip-row'>
        {photos.map((p, i) => (
          <View key={p} className='photo-strip-cell' onClick={() => void Taro.previewImage({ current: urls[i], urls })}>
            <Image className='photo-strip-img' mode='aspectFill' src={photoUrl(p, true)} />
            {status[p] && <Text className={`photo-strip-badge ${status[p]}`}>{BADGE[status[p]]}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
