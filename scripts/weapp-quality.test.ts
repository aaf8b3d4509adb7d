import { join } from 'node:path'
import type { QualityItem } from './miniprogram-ci'
import { miniprogramCiDir } from './miniprogram-ci'
import { compiledSizes, judgeQuality, packageSizes, QUALITY_ITEMS } from './weapp-quality'

const item = (name: string, success = true, detail?: unknown): QualityItem => ({ name, success, text: `${name} 说明:`, detail })
const allGreen = (): QualityItem[] => QUALITY_ITEMS.map((n) => item(n))

describe('reading the code-quality answer', () => {
  it('is one green verdict per item when every item succeeded', () => {
    const verdicts = judgeQuality(allGreen())
    expect(verdicts.map((v) => v.name)).toEqual([...QUALITY_ITEMS])
    expect(verdicts.every((v) => v.ok && v.line.startsWith('✓ '))).toBe(true)
  })

  it('turns a failed item red, naming it', () => {
    const items = allGreen().map((i) => i.name === 'WXSS_COMPRESS_OPEN' ? { ...i, success: false } : i)
    const red = judgeQuality(items).filter((v) => !v.ok)
    expect(red.map((v) => v.name)).toEqual(['WXSS_COMPRESS_OPEN'])
    expect(red[0].line).toBe('✗ WXSS_COMPRESS_OPEN: WXSS_COMPRESS_OPEN 说明')
  })

  it('turns an item missing from the answer red, so an empty answer never passes', () => {
    expect(judgeQuality([]).every((v) => !v.ok)).toBe(true)
    const withoutLazy = allGreen().filter((i) => i.name !== 'LAZYCODE_LOADING_OPEN')
    expect(judgeQuality(withoutLazy).filter((v) => !v.ok).map((v) => v.name)).toEqual(['LAZYCODE_LOADING_OPEN'])
  })

  it('adds a red verdict for each checker that threw (the package reports its item green)', () => {
    const verdicts = judgeQuality(allGreen(), ['TypeError: x is undefined'])
    expect(verdicts.filter((v) => !v.ok).map((v) => v.line)).toEqual(['✗ a checker threw, so its item above reads green: TypeError: x is undefined'])
  })

  it('keeps an item it does not know, so a newer check is still counted', () => {
    const verdicts = judgeQuality([...allGreen(), item('CONTAINS_APPSECRET', false)])
    expect(verdicts.at(-1)).toMatchObject({ name: 'CONTAINS_APPSECRET', ok: false })
  })

  it('lists the files a CONTAINS_* item found', () => {
    const items = allGreen().map((i) => i.name === 'CONTAINS_OTHER_PKG_JS' ? { ...i, success: false, detail: { size: 10, files: [{ path: 'utils/a.js' }, 'b.js'] } } : i)
    expect(judgeQuality(items).find((v) => v.name === 'CONTAINS_OTHER_PKG_JS')?.line).toMatch(/— utils\/a\.js, b\.js$/)
  })
})

describe('package sizes', () => {
  it('reads PACKAGE_SIZE_LIMIT: the main package first, subpackages by root without the slash', () => {
    const items = [item('PACKAGE_SIZE_LIMIT', true, { 'packages/ticket/': 30, __APP__: 400, 'packages/admin/': 20 })]
    expect(packageSizes(items)).toEqual([{ pkg: 'main', bytes: 400 }, { pkg: 'packages/admin', bytes: 20 }, { pkg: 'packages/ticket', bytes: 30 }])
    expect(judgeQuality(items)[0].line).toContain('主包 400 B · packages/admin 20 B · packages/ticket 30 B')
  })

  it('splits compiled files by subpackage root; everything else is the main package', () => {
    const files = { 'app.js': 'abcd', '@babel/runtime/helpers/typeof.js': Buffer.from('xy'), 'packages/admin/triage/index.js': '文', 'packages/adminx.js': 'z' }
    expect(compiledSizes(files, ['packages/admin/', 'packages/grid'])).toEqual([
      { pkg: 'main', bytes: 7 }, { pkg: 'packages/admin', bytes: 3 }, { pkg: 'packages/grid', bytes: 0 }
    ])
  })
})

describe('where miniprogram-ci lives', () => {
  it('is a cache folder outside the repo, following XDG_CACHE_HOME, unless MINIPROGRAM_CI_DIR names one', () => {
    expect(miniprogramCiDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'wenming', 'miniprogram-ci'))
    expect(miniprogramCiDir({ HOME: '/h' })).toMatch(/\.cache\/wenming\/miniprogram-ci$/)
    expect(miniprogramCiDir({ XDG_CACHE_HOME: '/c', MINIPROGRAM_CI_DIR: '/x' })).toBe('/x')
  })
})
