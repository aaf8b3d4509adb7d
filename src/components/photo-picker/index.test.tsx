import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { useReportDraft } from '../../store/report-draft'
import { until } from '../../testing/fake-transport'
import { PhotoPicker } from './index'

/**
 * The picker on the report draft, with the platform at the edge mocked: Taro.chooseImage hands back paths,
 * Taro.uploadFile is held open so the test drives its progress and its answer, Taro.showModal answers the confirm.
 */

const testUtils = new TestUtils()

interface Upload {
  filePath: string
  progress (percent: number): void
  succeed (fileId: string): void
  fail (): void
}

let uploads: Upload[] = []
let picked: string[][] = []
const chooseCounts: number[] = []
let confirmRemove = true

beforeEach(() => {
  uploads = []
  picked = []
  chooseCounts.length = 0
  useReportDraft.getState().reset()
  jest.spyOn(Taro, 'chooseImage').mockImplementation((async (o: { count?: number }) => {
    const paths = picked.shift() ?? []
    chooseCounts.push(o.count ?? 9)
    return { tempFilePaths: paths, tempFiles: [], errMsg: 'chooseImage:ok' }
  }) as unknown as typeof Taro.chooseImage)
  jest.spyOn(Taro, 'uploadFile').mockImplementation(((o: Taro.uploadFile.Option) => {
    let onProgress: (p: { progress: number }) => void = () => undefined
    uploads.push({
      filePath: o.filePath,
      progress: (progress) => onProgress({ progress }),
      succeed: (fileId) => o.success?.({ data: JSON.stringify({ ok: true, data: { fileId, url: `/files/${fileId}` } }), statusCode: 200, errMsg: 'uploadFile:ok' }),
      fail: () => o.fail?.({ errMsg: 'uploadFile:fail' })
    })
    return { onProgressUpdate: (cb: typeof onProgress) => { onProgress = cb }, abort: () => undefined }
  }) as unknown as typeof Taro.uploadFile)
  jest.spyOn(Taro, 'showModal').mockImplementation((async () => ({ confirm: confirmRemove, cancel: !confirmRemove, errMsg: 'showModal:ok' })) as unknown as typeof Taro.showModal)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

function Harness () {
  const draft = useReportDraft()
  return <PhotoPicker list={draft} />
}

const photos = () => useReportDraft.getState().photos
const tiles = () => Array.from(document.querySelectorAll('.photo-picker .photo:not(.add)'))
const addButton = () => document.querySelector('.photo-picker .photo.add')

async function choose (...paths: string[]) {
  picked.push(paths)
  const before = uploads.length
  await testUtils.act(async () => { testUtils.fireEvent.click(addButton()!) })
  await until(() => uploads.length === before + paths.length || photos().length === 4)
}

describe('PhotoPicker', () => {
  it('adds a chosen photo, shows its upload progress, and keeps the file id when done', async () => {
    await testUtils.mount(Harness, { props: {} })
    await choose('blob:one')
    expect(uploads.map((u) => u.filePath)).toEqual(['blob:one'])
    expect(tiles().map((t) => t.getAttribute('data-status'))).toEqual(['uploading'])

    await testUtils.act(() => { uploads[0].progress(40) })
    expect(document.querySelector('.photo-mask')?.textContent).toBe('40%')

    await testUtils.act(async () => { uploads[0].succeed('f-1') })
    await until(() => photos()[0]?.status === 'done')
    expect(photos()[0]).toMatchObject({ localPath: 'blob:one', fileId: 'f-1', status: 'done', progress: 100 })
    expect(tiles().map((t) => t.getAttribute('data-status'))).toEqual(['done'])
    expect(document.querySelector('.photo-mask')).toBeNull()
  })

  it('keeps a failed upload in the list and uploads the same file again when it is tapped', async () => {
    await testUtils.mount(Harness, { props: {} })
    await choose('blob:one')
    await testUtils.act(async () => { uploads[0].fail() })
    await until(() => photos()[0]?.status === 'failed')
    const failed = document.querySelector('.photo-mask.failed')!
    expect(failed.textContent).toBe('上传失败重试')
    expect(photos()[0].error).toBe('网络不通，请检查网络后重试')

    await testUtils.act(async () => { testUtils.fireEvent.click(failed) })
    expect(uploads.map((u) => u.filePath)).toEqual(['blob:one', 'blob:one'])
    expect(photos()[0]).toMatchObject({ status: 'uploading', error: null })
    await testUtils.act(async () => { uploads[1].succeed('f-2') })
    await until(() => photos()[0]?.status === 'done')
    expect(photos()).toHaveLength(1)
    expect(photos()[0].fileId).toBe('f-2')
  })

  it('removes a photo only once the resident confirms', async () => {
    await testUtils.mount(Harness, { props: {} })
    await choose('blob:one', 'blob:two')
    const removeSecond = () => tiles()[1].querySelector('.photo-remove')!
    // An icon-only ×: a screen reader says which photo it removes.
    expect(tiles().map((t) => t.querySelector('.photo-remove')?.getAttribute('aria-label'))).toEqual(['删除第 1 张照片', '删除第 2 张照片'])

    confirmRemove = false
    await testUtils.act(async () => { testUtils.fireEvent.click(removeSecond()) })
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(photos().map((p) => p.localPath)).toEqual(['blob:one', 'blob:two'])

    confirmRemove = true
    await testUtils.act(async () => { testUtils.fireEvent.click(removeSecond()) })
    await until(() => photos().length === 1)
    expect(photos().map((p) => p.localPath)).toEqual(['blob:one'])
    expect(tiles()).toHaveLength(1)
    // removing is not a retry: no new upload started
    expect(uploads).toHaveLength(2)
  })

  it('asks only for the photos still allowed and hides 添加 at four', async () => {
    await testUtils.mount(Harness, { props: {} })
    await choose('blob:1', 'blob:2', 'blob:3')
    expect(addButton()).not.toBeNull()
    // the album hands back more than asked for: only the fourth is kept
    await choose('blob:4', 'blob:5')
    expect(chooseCounts).toEqual([4, 1])
    expect(photos().map((p) => p.localPath)).toEqual(['blob:1', 'blob:2', 'blob:3', 'blob:4'])
    expect(uploads).toHaveLength(4)
    expect(tiles()).toHaveLength(4)
    expect(addButton()).toBeNull()
  })
})
