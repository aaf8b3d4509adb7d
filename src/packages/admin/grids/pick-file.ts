import Taro from '@tarojs/taro'
import { GRID_FILE_MAX_CHARS } from '../../../../core/grid-schemas'

export interface PickedFile {
  name: string
  text: string
}

const TOO_BIG = `文件超过 ${GRID_FILE_MAX_CHARS / 1024 / 1024} MB，请在 GIS 软件中简化边界、删去用不到的属性后再选`

/**
 * Let the office choose a GeoJSON file and read it as text: a browser's file chooser (H5, the office's desk), or a
 * file from a WeChat chat (chooseMessageFile: the phone has no file browser, files arrive in chats). Null when the
 * person cancels.
 */
export function pickGridFile (): Promise<PickedFile | null> {
  // Parenthesised: the page tests' transformer rewrites the name to `TARO_ENV_JEST || TARO_ENV`, which needs them.
  if ((process.env.TARO_ENV) === 'h5') return pickInBrowser()
  return pickInWeChat()
}

function pickInBrowser (): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.geojson,.json,application/geo+json,application/json'
    input.style.display = 'none'
    document.body.appendChild(input)
    const done = () => input.remove()
    input.addEventListener('cancel', () => { done(); resolve(null) })
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done()
      if (!file) return resolve(null)
      if (file.size > GRID_FILE_MAX_CHARS) return reject(new Error(TOO_BIG))
      file.text().then((text) => resolve({ name: file.name, text }), () => reject(new Error('读取文件失败，请确认它是文本格式的 GeoJSON 后重新选择')))
    })
    input.click()
  })
}

async function pickInWeChat (): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['geojson', 'json'] })
  } catch (e) {
    if (/cancel/.test(String((e as { errMsg?: string }).errMsg ?? e))) return null
    throw new Error('没能打开聊天中的文件，请先把 GeoJSON 文件发到微信聊天（如文件传输助手）再选')
  }
  const file = chosen.tempFiles[0]
  if (!file) return null
  if (file.size > GRID_FILE_MAX_CHARS) throw new Error(TOO_BIG)
  const text = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'utf8',
      success: (r) => resolve(String(r.data)),
      fail: () => reject(new Error('读取文件失败，请确认它是文本格式的 GeoJSON 后重新选择'))
    })
  })
  return { name: file.name, text }
}

/** UTF-8 length of a text, as a call carries it (no TextEncoder in every WeChat). */
export function utf8Bytes (s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++ } else n += 3
  }
  return n
}
