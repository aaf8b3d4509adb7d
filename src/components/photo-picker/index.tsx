import { View, Image, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MAX_REPORT_PHOTOS } from '../../../core/schemas'
import { photoUrl, uploadPhoto } from '../../api/upload'
import type { DraftPhoto } from '../../store/report-draft'
import './index.css'

export interface PhotoList {
  photos: DraftPhoto[]
  addPhoto (p: DraftPhoto): boolean
  updatePhoto (key: string, patch: Partial<DraftPhoto>): void
  removePhoto (key: string): void
}

let seq = 0
const keyFor = () => `p${Date.now().toString(36)}${++seq}`

/** Upload one photo, reporting progress into the list; a failure stays in the list for a retry. */
export function startUpload (list: Pick<PhotoList, 'updatePhoto'>, key: string, localPath: string): void {
  list.updatePhoto(key, { status: 'uploading', progress: 0, error: null })
  uploadPhoto(localPath, (progress) => list.updatePhoto(key, { progress })).done.then(
    ({ fileId }) => list.updatePhoto(key, { status: 'done', progress: 100, fileId }),
    (e: Error) => list.updatePhoto(key, { status: 'failed', error: e.message })
  )
}

/** 1–4 photos: take or choose, upload with visible progress, tap × to remove (with confirm), tap a failed one to retry. */
export function PhotoPicker ({ list, max = MAX_REPORT_PHOTOS, label = '添加照片' }: { list: PhotoList; max?: number; label?: string }) {
  const [busy, setBusy] = useState(false)

  const choose = async () => {
    if (busy) return
    setBusy(true)
    try {
      const res = await Taro.chooseImage({ count: max - list.photos.length, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      for (const path of res.tempFilePaths) {
        const key = keyFor()
        if (!list.addPhoto({ key, localPath: path, fileId: null, status: 'uploading', progress: 0, error: null })) break
        startUpload(list, key, path)
      }
    } catch {
      // the resident closed the picker
    } finally {
      setBusy(false)
    }
  }

  const remove = (p: DraftPhoto) => {
    void Taro.showModal({ title: '删除这张照片？', confirmText: '删除', confirmColor: '#fa5151' }).then((r) => { if (r.confirm) list.removePhoto(p.key) })
  }

  return (
    <View className='photo-picker'>
      {list.photos.map((p, i) => (
        <View key={p.key} className={`photo photo-${p.status}`} data-status={p.status}>
          <Image className='photo-img' mode='aspectFill' src={p.fileId ? photoUrl(p.fileId, true) : p.localPath} ariaLabel={`第 ${i + 1} 张照片`} />
          {p.status === 'uploading' && (
            <View className='photo-mask'>
              <Text className='photo-progress'>{Math.round(p.progress)}%</Text>
              <View className='photo-bar' style={{ width: `${p.progress}%` }} />
            </View>
          )}
          {p.status === 'failed' && (
            <View className='photo-mask failed' ariaRole='button' ariaLabel={`第 ${i + 1} 张照片上传失败，点击重试`} onClick={() => p.localPath && startUpload(list, p.key, p.localPath)}>
              <Text className='photo-failed-text'>上传失败</Text>
              <Text className='photo-retry'>重试</Text>
            </View>
          )}
          <View className='photo-remove' ariaRole='button' ariaLabel={`删除第 ${i + 1} 张照片`} onClick={(e) => { e.stopPropagation(); remove(p) }}>
            <Text className='photo-remove-x'>×</Text>
          </View>
        </View>
      ))}
      {list.photos.length < max && (
        <View className='photo add' ariaRole='button' ariaLabel={label} onClick={() => void choose()}>
          <Text className='add-plus'>＋</Text>
          <Text className='add-label'>{label}</Text>
        </View>
      )}
    </View>
  )
}
