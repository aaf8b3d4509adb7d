import { posix } from 'node:path'
import vm from 'node:vm'

/**
 * Runs a weapp bundle (the files WeChat's compiler produced, as uploaded) in plain Node: a `vm` context with the
 * globals the mini-program base library provides (App, Page, Component, getApp, getCurrentPages, wx). Enough of it to
 * mount each page's first screen through Taro's React renderer and read what it shows; not a simulator of WeChat.
 */

export type Files = Record<string, string | Buffer>

export interface CloudCall { name: string; data: unknown }

export interface RuntimeOptions {
  /** wx.cloud.callFunction's answer ({ result }) for one call: the bundle's only way to the server. */
  callFunction: (call: CloudCall) => Promise<unknown>
  /** Called for each console.error / console.warn of the bundle and each error it throws outside a page's hooks. */
  onError?: (message: string) => void
}

export interface PageInstance {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData: (patch: Record<string, unknown>, cb?: () => void) => void
  [hook: string]: unknown
}

/**
 * setData's merge: keys are paths like `root.cn.[0].cn.[2].v` or `root.cn[0].v` (Taro writes both styles), and each
 * value replaces what sits at its path, creating objects and arrays on the way as WeChat does.
 */
export function applySetData (data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(patch)) {
    const keys = parseDataPath(path)
    let node = data as Record<string | number, unknown>
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node[key] = value
        return
      }
      const next = node[key]
      if (typeof next !== 'object' || next === null) node[key] = typeof keys[i + 1] === 'number' ? [] : {}
      node = node[key] as Record<string | number, unknown>
    })
  }
}

export function parseDataPath (path: string): Array<string | number> {
  const keys: Array<string | number> = []
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) throw new Error(`setData: bad data path ${JSON.stringify(path)}`)
    if (m[1]) keys.push(m[1])
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]))
  }
  return keys
}

/** The strings a page shows: Taro keeps each text node's string under a `v` key of the rendered tree in data.root. */
export function visibleText (tree: unknown): string[] {
  const out: string[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return }
    if (typeof node !== 'object' || node === null) return
    for (const [k, v] of Object.entries(node)) {
      if (k === 'v' && typeof v === 'string') { if (v.trim()) out.push(v) } else walk(v)
    }
  }
  walk(tree)
  return out
}

// The wx APIs the bundle may call, as own keys (Taro wraps only the APIs it finds on wx). Each answers as a phone
// with nothing granted would: success for the harmless ones, a failure for anything that needs the user or a device.
const OK_APIS = ['showToast', 'hideToast', 'showLoading', 'hideLoading', 'setNavigationBarTitle', 'setTabBarBadge',
  'removeTabBarBadge', 'showTabBarRedDot', 'hideTabBarRedDot', 'stopPullDownRefresh', 'pageScrollTo', 'vibrateShort',
  'setStorage', 'removeStorage', 'reportAnalytics', 'previewImage', 'setBackgroundColor', 'setBackgroundTextStyle',
  'hideKeyboard', 'showShareMenu', 'hideShareMenu', 'requestSubscribeMessage', 'getNetworkType', 'onNetworkStatusChange',
  'offNetworkStatusChange', 'onMemoryWarning', 'onAppShow', 'onAppHide', 'offAppShow', 'offAppHide', 'onError', 'offError',
  'onPageNotFound', 'offPageNotFound', 'onUnhandledRejection', 'onThemeChange', 'getSetting', 'login', 'checkSession']
const REFUSED_APIS = ['getLocation', 'chooseLocation', 'chooseImage', 'chooseMedia', 'compressImage', 'uploadFile',
  'downloadFile', 'request', 'showModal', 'showActionSheet', 'openSetting', 'authorize', 'getUserProfile', 'scanCode',
  'makePhoneCall', 'getFileSystemManager']
const NAV_APIS = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack']

export interface Runtime {
  /** Loads app.js and runs the app's onLaunch and onShow. */
  launch (): void
  /** Loads a page's JS, mounts it (onLoad, onShow, onReady) and waits until its rendering and calls settle. */
  openPage (route: string, query?: Record<string, string>): Promise<PageInstance>
  /** Every wx.navigateTo/redirectTo/switchTab/reLaunch/navigateBack the bundle asked for. */
  navigations: Array<{ api: string; url?: string }>
  calls: CloudCall[]
  /** Stops the bundle's timers, so nothing of it runs on after its test. */
  close (): void
}

export function createRuntime (files: Files, opts: RuntimeOptions): Runtime {
  const onError = opts.onError ?? (() => {})
  const pending = new Set<Promise<unknown>>()
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p)
    void p.finally(() => pending.delete(p)).catch(() => {})
    return p
  }
  const navigations: Runtime['navigations'] = []
  const calls: CloudCall[] = []
  const storage = new Map<string, unknown>()
  const stack: PageInstance[] = []
  let appConfig: Record<string, unknown> | null = null
  let lastPage: Record<string, unknown> | null = null
  let lastComponent: Record<string, unknown> | null = null
  const timers = new Map<NodeJS.Timeout, number>()

  const answer = (o: Record<string, unknown> | undefined, ok: boolean, res: Record<string, unknown>) => {
    const cb = ok ? o?.success : o?.fail
    if (typeof cb === 'function') cb(res)
    if (typeof o?.complete === 'function') o.complete(res)
  }
  const wx: Record<string, unknown> = {
    webpackJsonp: undefined,
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemSetting: () => ({ locationEnabled: false }),
    getAppAuthorizeSetting: () => ({ locationAuthorized: 'not determined' }),
    getSystemInfo: (o?: Record<string, unknown>) => answer(o, true, { ...systemInfo, errMsg: 'getSystemInfo:ok' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getStorageSync: (k: string) => storage.has(k) ? storage.get(k) : '',
    setStorageSync: (k: string, v: unknown) => { storage.set(k, v) },
    removeStorageSync: (k: string) => { storage.delete(k) },
    clearStorageSync: () => { storage.clear() },
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: Record<string, unknown>) => storage.has(o.key as string)
      ? answer(o, true, { data: storage.get(o.key as string), errMsg: 'getStorage:ok' })
      : answer(o, false, { errMsg: 'getStorage:fail data not found' }),
    canIUse: () => true,
    nextTick: (fn: () => void) => { void track(Promise.resolve().then(fn)) },
    createSelectorQuery: () => selectorQuery(),
    createIntersectionObserver: () => ({ relativeToViewport: () => ({ observe: () => {} }), observe: () => {}, disconnect: () => {} }),
    createMapContext: () => ({ moveToLocation: () => {}, includePoints: () => {}, getCenterLocation: (o: Record<string, unknown>) => answer(o, false, { errMsg: 'getCenterLocation:fail' }) }),
    createAnimation: () => new Proxy({}, { get: (_t, _k, self) => () => self }),
    onWindowResize: () => {},
    offWindowResize: () => {},
    env: { USER_DATA_PATH: 'wxfile://usr' },
    cloud: {
      DYNAMIC_CURRENT_ENV: 'dynamic-env',
      init: () => {},
      callFunction: (o: { name: string; data: unknown; success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
        const call = { name: o.name, data: JSON.parse(JSON.stringify(o.data ?? {})) }
        calls.push(call)
        const p = track(opts.callFunction(call).then((result) => inContext({ result, errMsg: 'cloud.callFunction:ok' })))
        if (o.success || o.fail) { p.then((r) => o.success?.(r), (e) => o.fail?.(e)); return undefined }
        return p
      },
      uploadFile: () => Promise.reject(new Error('cloud.uploadFile: not in this runtime')),
      getTempFileURL: (o: { fileList: string[] }) => Promise.resolve({ fileList: o.fileList.map((fileID) => ({ fileID, tempFileURL: `https://example.invalid/${fileID}`, status: 0 })) })
    }
  }
  for (const api of OK_APIS) wx[api] = (o?: Record<string, unknown>) => answer(o, true, { errMsg: `${api}:ok` })
  for (const api of REFUSED_APIS) wx[api] = (o?: Record<string, unknown>) => answer(o, false, { errMsg: `${api}:fail not in this runtime` })
  for (const api of NAV_APIS) {
    wx[api] = (o?: Record<string, unknown>) => {
      navigations.push({ api, url: o?.url as string | undefined })
      answer(o, true, { errMsg: `${api}:ok` })
    }
  }

  const capture = (level: string) => (...args: unknown[]) => onError(`console.${level}: ${args.map(show).join(' ')}`)
  const sandbox: Record<string, unknown> = {
    wx,
    console: { log: () => {}, info: () => {}, debug: () => {}, warn: capture('warn'), error: capture('error') },
    setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const t = setTimeout(() => { timers.delete(t); try { fn(...args) } catch (e) { onError(`timer threw: ${show(e)}`) } }, ms)
      timers.set(t, ms ?? 0)
      return t
    },
    clearTimeout: (t: NodeJS.Timeout) => { timers.delete(t); clearTimeout(t) },
    setInterval: () => 0,
    clearInterval: () => {},
    App: (config: Record<string, unknown>) => { appConfig = config },
    Page: (config: Record<string, unknown>) => { lastPage = config },
    Component: (config: Record<string, unknown>) => { lastComponent = config },
    Behavior: (config: unknown) => config,
    getApp: () => appConfig,
    getCurrentPages: () => [...stack]
  }
  sandbox.globalThis = sandbox
  const context = vm.createContext(sandbox)
  // Answers and page data made of the bundle's own Object and Array, as the base library hands them over.
  const contextParse = vm.runInContext('JSON.parse', context) as (s: string) => unknown
  const inContext = (v: unknown): unknown => contextParse(JSON.stringify(v))

  const modules = new Map<string, { exports: unknown }>()
  const resolve = (from: string, spec: string): string => {
    const path = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(from), spec))
    if (files[path] !== undefined) return path
    if (files[`${path}.js`] !== undefined) return `${path}.js`
    throw new Error(`require('${spec}') from ${from}: no such file in the bundle`)
  }
  const load = (path: string): unknown => {
    const cached = modules.get(path)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    modules.set(path, module)
    const fn = vm.runInContext(`(function (require, module, exports) {${files[path].toString()}\n})`, context, { filename: path })
    fn((spec: string) => load(resolve(path, spec)), module, module.exports)
    return module.exports
  }

  // Rendering and the calls it starts chain promises and short timers: wait until none is left. A longer timer is a
  // page polling for something this runtime has no answer to (a canvas node), not part of the first screen.
  const settle = async (budgetMs = 5_000): Promise<void> => {
    const deadline = Date.now() + budgetMs
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    for (let quiet = 0; quiet < 3 && Date.now() < deadline;) {
      await new Promise((r) => setImmediate(r))
      if (pending.size) {
        await Promise.race([Promise.allSettled([...pending]), sleep(deadline - Date.now())])
        quiet = 0
      } else if ([...timers.values()].some((ms) => ms < 100)) {
        await sleep(25)
        quiet = 0
      } else quiet++
    }
  }

  const call = (target: Record<string, unknown>, hook: string, ...args: unknown[]) => {
    const fn = target[hook]
    if (typeof fn === 'function') fn.apply(target, args)
  }

  return {
    navigations,
    calls,
    close () {
      for (const t of timers.keys()) clearTimeout(t)
      timers.clear()
    },
    launch () {
      load('app.js')
      if (!appConfig) throw new Error('app.js did not call App()')
      call(appConfig, 'onLaunch', { path: 'pages/index/index', query: {}, scene: 1001 })
      call(appConfig, 'onShow', { path: 'pages/index/index', query: {}, scene: 1001 })
    },
    async openPage (route, query = {}) {
      if (files['comp.js'] !== undefined && !modules.has('comp.js')) { load('comp.js'); lastComponent = null }
      lastPage = null
      load(`${route}.js`)
      const config = (lastPage ?? lastComponent) as Record<string, unknown> | null
      if (!config) throw new Error(`${route}.js registered no Page()`)
      const methods = (config.methods ?? {}) as Record<string, unknown>
      const page = Object.assign({}, config, methods) as PageInstance
      page.route = route
      page.options = query
      page.data = inContext(config.data ?? {}) as Record<string, unknown>
      page.setData = (patch, cb) => {
        // WeChat copies what setData is given (it crosses to the view layer as JSON), so later mutation cannot leak in.
        applySetData(page.data, inContext(patch) as Record<string, unknown>)
        if (cb) void track(Promise.resolve().then(cb))
      }
      stack.splice(0, stack.length, page)
      call(page, 'onLoad', query)
      call(page, 'onShow')
      await settle()
      call(page, 'onReady')
      await settle()
      return page
    }
  }
}

const systemInfo = {
  brand: 'devtools', model: 'iPhone 6/7/8', pixelRatio: 2, screenWidth: 375, screenHeight: 667, windowWidth: 375,
  windowHeight: 603, statusBarHeight: 20, language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0', platform: 'devtools',
  fontSizeSetting: 16, SDKVersion: '3.7.0', benchmarkLevel: 1, theme: 'light', safeArea: { top: 20, bottom: 667, left: 0, right: 375, width: 375, height: 647 }
}

function selectorQuery () {
  const q = {
    in: () => q,
    select: () => node,
    selectAll: () => node,
    selectViewport: () => node,
    exec: (cb?: (r: unknown[]) => void) => { cb?.([null]) }
  }
  const node = { boundingClientRect: () => q, scrollOffset: () => q, fields: () => q, node: () => q, context: () => q }
  return q
}

function show (v: unknown): string {
  if (v instanceof Error) return v.stack ?? v.message
  if (typeof v === 'string') return v
  try { return JSON.stringify(v) } catch { return String(v) }
}
