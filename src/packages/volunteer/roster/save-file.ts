import Taro from '@tarojs/taro'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Hand the exported roster (an XLSX workbook, base64) to the organiser: a browser downloads it; WeChat writes it to
 * the mini-program's own folder and opens it in its document viewer, whose menu forwards or saves it.
 */
export async function saveWorkbook ({ filename, base64 }: { filename: string; base64: string }): Promise<'downloaded' | 'opened'> {
  // Parenthesised: the page tests' transformer rewrites the name to `TARO_ENV_JEST || TARO_ENV`, which needs them.
  if ((process.env.TARO_ENV) === 'h5') {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }))
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
      fail: (e) => reject(new Error(`名单保存失败：${e.errMsg}`))
    })
  })
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  return 'opened'
}
