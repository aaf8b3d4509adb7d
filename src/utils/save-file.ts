import Taro from '@tarojs/taro'

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8'
}

const extensionOf = (filename: string): string => (/\.([a-z0-9]+)$/i.exec(filename)?.[1] ?? '').toLowerCase()

/**
 * Hand an exported file (an XLSX workbook or a CSV sheet, base64) to the office: a browser downloads it; WeChat
 * writes it to the mini-program's own folder, then opens a workbook in its document viewer (whose menu forwards or
 * saves it) and offers a CSV — which the viewer cannot open — to forward to a chat.
 */
export async function saveWorkbook ({ filename, base64 }: { filename: string; base64: string }): Promise<'downloaded' | 'opened' | 'shared'> {
  const ext = extensionOf(filename)
  // Parenthesised: the page tests' transformer rewrites the name to `TARO_ENV_JEST || TARO_ENV`, which needs them.
  if ((process.env.TARO_ENV) === 'h5') {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: TYPES[ext] ?? 'application/octet-stream' }))
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    a.style.display = 'none'
    document.body.appendChild(a)
    a.click()
    a.remove()
    // The browser has taken the file once the click is handled; a moment later the blob can go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return 'downloaded'
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (e) => reject(new Error(`文件保存失败：${e.errMsg}`))
    })
  })
  if (ext === 'xlsx') {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return 'opened'
  }
  await Taro.shareFileMessage({ filePath, fileName: filename })
  return 'shared'
}
