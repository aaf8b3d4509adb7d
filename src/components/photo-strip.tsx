import { View, Image, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { photoUrl } from '../api/upload'

/** Thumbnails that open full size on tap. */
export function PhotoStrip ({ title, photos }: { title: string; photos: string[] }) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => photoUrl(p))
  return (
    <View className='photo-strip'>
      <Text className='muted'>{title}</Text>
      <View className='photo-strip-row'>
        {photos.map((p, i) => (
          <Image key={p} className='photo-strip-img' mode='aspectFill' src={photoUrl(p, true)} onClick={() => void Taro.previewImage({ current: urls[i], urls })} />
        ))}
      </View>
    </View>
  )
}
