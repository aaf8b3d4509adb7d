import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/** zustand persistence on the phone's own storage (wx.setStorageSync / localStorage in H5): survives an app kill. */
export const taroStorage: StateStorage = {
  getItem: (name) => Taro.getStorageSync(name) || null,
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name)
}
