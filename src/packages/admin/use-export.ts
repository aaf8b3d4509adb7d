import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ExportFile } from '../../../core/survey-views'
import { errorText } from '../../api'
import { saveWorkbook } from '../../utils/save-file'

export type ExportFormat = 'xlsx' | 'csv'

/**
 * The office's 导出 Excel / 导出 CSV: one export at a time, the file saved the way the platform allows (download on
 * H5, share on WeChat), a toast with the rows, a dialog with the reason when it fails; a cancelled share says nothing.
 */
export function useExport (fetch: (format: ExportFormat) => Promise<ExportFile>): { exporting: ExportFormat | null; exportAs: (format: ExportFormat) => Promise<void> } {
  const [exporting, setExporting] = useState<ExportFormat | null>(null)
  const exportAs = async (format: ExportFormat) => {
    if (exporting) return
    setExporting(format)
    try {
      const file = await fetch(format)
      const how = await saveWorkbook(file)
      void Taro.showToast({ title: how === 'downloaded' ? `已下载，${file.rows} 行` : how === 'shared' ? '已发送' : `已导出，${file.rows} 行`, icon: 'success' })
    } catch (e) {
      if (/cancel/i.test(String((e as { errMsg?: string }).errMsg ?? ''))) return
      void Taro.showModal({ title: '没有导出成功', content: errorText(e), showCancel: false, confirmText: '知道了' })
    } finally {
      setExporting(null)
    }
  }
  return { exporting, exportAs }
}
