import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initPlatform } from './api/call'
import './app.css'

function App ({ children }: PropsWithChildren) {
  useLaunch(() => { initPlatform() })
  return children
}

export default App
