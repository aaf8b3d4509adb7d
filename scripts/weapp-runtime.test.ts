import { applySetData, createRuntime, parseDataPath, visibleText, type Files } from './weapp-runtime'

describe('setData paths', () => {
  it('reads both styles Taro writes', () => {
    expect(parseDataPath('root.cn.[0].cn.[2].v')).toEqual(['root', 'cn', 0, 'cn', 2, 'v'])
    expect(parseDataPath('root.cn[1][3].v')).toEqual(['root', 'cn', 1, 3, 'v'])
    expect(() => parseDataPath('root.c]n')).toThrow(/bad data path/)
  })

  it('merges into data, creating arrays and objects on the way and keeping siblings', () => {
    const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }], uid: 'r' } }
    applySetData(data, { 'root.cn.[1].cn[0].v': '文明', 'root.cn.[0].v': 'b' })
    expect(data).toEqual({ root: { uid: 'r', cn: [{ v: 'b' }, { cn: [{ v: '文明' }] }] } })
  })
})

it('visible text is every non-blank string under a v key', () => {
  expect(visibleText({ root: { cn: [{ v: '首页' }, { v: ' ' }, { cn: [{ v: '随手拍', cl: 'x' }] }], v: 3 } })).toEqual(['首页', '随手拍'])
})

/** A two-file bundle shaped like Taro's output: app.js registers App, the page requires a chunk and registers Page. */
function bundle (page: string): Files {
  return {
    'app.js': 'App({ onLaunch () { wx.setStorageSync("launched", "yes") } })',
    'common.js': 'module.exports = { label: function (s) { return "【" + s + "】" } }',
    'pages/p/index.js': `var c = require("../../common"); ${page}`
  }
}

describe('running a bundle', () => {
  it('launches the app, mounts the page and routes cloud calls, rendering what they answer', async () => {
    const seen: unknown[] = []
    const rt = createRuntime(bundle(`Page({
      data: { root: { cn: [] } },
      onLoad (q) {
        var self = this
        this.setData({ 'root.cn[0].v': c.label(q.who) + wx.getStorageSync('launched') })
        wx.cloud.callFunction({ name: 'stats', data: { action: 'headline' } }).then(function (r) {
          setTimeout(function () { self.setData({ 'root.cn[1].v': r.result.text + (r.result.list instanceof Array ? '' : '（别的 realm 的数组）') }) }, 10)
        })
      }
    })`), { callFunction: async (call) => { seen.push(call); return { text: '知晓率', list: [1] } } })
    rt.launch()
    const page = await rt.openPage('pages/p/index', { who: '居民' })
    rt.close()
    expect(visibleText(page.data)).toEqual(['【居民】yes', '知晓率'])
    expect(seen).toEqual([{ name: 'stats', data: { action: 'headline' } }])
    expect(rt.calls).toEqual(seen)
  })

  it('reports what the bundle logs as an error, and a hook that throws', async () => {
    const errors: string[] = []
    const rt = createRuntime(bundle('Page({ onLoad () { console.error("渲染失败", { a: 1 }) }, onShow () { throw new Error("boom") } })'), {
      callFunction: async () => ({}), onError: (m) => errors.push(m)
    })
    rt.launch()
    await expect(rt.openPage('pages/p/index')).rejects.toThrow('boom')
    rt.close()
    expect(errors).toEqual(['console.error: 渲染失败 {"a":1}'])
  })

  it('does not wait on a page polling with a long timer, and close stops it', async () => {
    const rt = createRuntime(bundle('Page({ onLoad () { var self = this; (function poll () { self.n = (self.n || 0) + 1; setTimeout(poll, 1000) })() } })'), { callFunction: async () => ({}) })
    rt.launch()
    const page = await rt.openPage('pages/p/index')
    rt.close()
    expect(page.n).toBe(1)
  })

  it('refuses a require of a file the bundle does not have, and a page that registers nothing', async () => {
    const missing = createRuntime({ ...bundle(''), 'pages/p/index.js': 'require("./nope")' }, { callFunction: async () => ({}) })
    missing.launch()
    await expect(missing.openPage('pages/p/index')).rejects.toThrow("require('./nope') from pages/p/index.js: no such file in the bundle")
    const silent = createRuntime(bundle('var x = 1'), { callFunction: async () => ({}) })
    silent.launch()
    await expect(silent.openPage('pages/p/index')).rejects.toThrow('registered no Page()')
  })

  it('offers wx APIs as own keys (Taro wraps only those), answering device ones with a failure', async () => {
    const rt = createRuntime(bundle(`Page({ onLoad () {
      var self = this
      self.setData({ own: Object.keys(wx).filter(function (k) { return k === 'removeTabBarBadge' || k === 'navigateTo' }) })
      wx.getLocation({ fail: function (e) { self.setData({ err: e.errMsg }) } })
      wx.navigateTo({ url: '/packages/ticket/detail/index?id=t1' })
    } })`), { callFunction: async () => ({}) })
    rt.launch()
    const page = await rt.openPage('pages/p/index')
    rt.close()
    expect(page.data).toEqual({ own: ['removeTabBarBadge', 'navigateTo'], err: 'getLocation:fail not in this runtime' })
    expect(rt.navigations).toEqual([{ api: 'navigateTo', url: '/packages/ticket/detail/index?id=t1' }])
  })
})
