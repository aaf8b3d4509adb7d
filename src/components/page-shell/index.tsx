import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useTextScale } from '../../store/text-size'
import { pageStyleFor } from '../app-shell/shell'

interface Props {
  className?: string
  id?: string
  children?: ReactNode
}

/**
 * A page's root: `<View className='page …'>` that, on WeChat, carries the large-text scale for everything inside it
 * (a weapp page has no shared root element to set it on once; H5 sets it on <html>). Use it as a page's outermost element.
 */
export function PageShell ({ className = '', id, children }: Props) {
  const style = pageStyleFor(useTextScale())
  return <View className={`page ${className}`.trim()} id={id} style={style}>{children}</View>
}
