import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { ComponentClass, FunctionComponent } from 'react'
import { setTransport } from '../api'
import { fakeTransport, until } from './fake-transport'

type Fake = ReturnType<typeof fakeTransport>
/** A fake server's answers, keyed "fn.action". */
export type Handlers = Parameters<typeof fakeTransport>[0]
type Page = FunctionComponent<Record<string, never>> | ComponentClass<Record<string, never>>

/** Test utils that know whether a page is mounted, so the clean-up after a test that mounted none, or unmounted its own, has nothing to undo. */
class PageTestUtils extends TestUtils {
  private mounted = false

  override async mount<T extends Record<string, unknown>> (ui: FunctionComponent<T> | ComponentClass<T>, params?: { props?: T }): Promise<void> {
    this.mounted = true
    await super.mount(ui, params)
  }

  override unmout (): void {
    if (this.mounted) super.unmout()
    this.mounted = false
  }
}

/** The Taro calls by which a page tells the person something or moves on: answered at once, recorded on the spy. */
const ANSWERED = ['showToast', 'navigateTo', 'redirectTo', 'navigateBack'] as const

/** What the page sent for one action, in order: the payloads without the function name. */
export function sent (fake: Pick<Fake, 'calls'>, action: string): Array<Record<string, unknown>> {
  return fake.calls.filter((c) => c.event.action === action).map((c) => c.event)
}

/**
 * One page test's harness: registers the hooks every page test needs (Taro's dialogs and navigation answered,
 * the page unmounted and the document emptied after each test) and gives the ways a person uses the page.
 * Call it once at the top of the test file, outside `describe`.
 */
export function usePageTest (page?: Page) {
  const testUtils = new PageTestUtils()
  let confirm = true

  beforeEach(() => {
    confirm = true
    for (const api of ANSWERED) jest.spyOn(Taro, api).mockImplementation((async () => ({ errMsg: `${api}:ok` })) as never)
    jest.spyOn(Taro, 'showModal').mockImplementation((async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })) as never)
  })
  afterEach(() => {
    delete process.env['TARO_ENV_JEST'] // bracketed: the transformer rewrites the dotted name
    jest.restoreAllMocks()
    reset()
  })

  /** Unmounts the page and empties the document: a test that opens the page a second time starts clean. */
  function reset () {
    testUtils.unmout()
    document.body.innerHTML = ''
  }

  const $ = (selector: string) => document.querySelector(selector)
  /** The element, which must be there: a missing one fails the test naming the selector. */
  function get (selector: string): Element {
    const el = $(selector)
    if (!el) throw new Error(`nothing on the page matches ${selector}`)
    return el
  }
  const text = (selector: string) => $(selector)?.textContent ?? null

  async function tap (target: string | Element) {
    const el = typeof target === 'string' ? get(target) : target
    await testUtils.act(async () => { testUtils.fireEvent.click(el) })
  }
  /** Taro's Input / Textarea answer a CustomEvent carrying `detail.value`; typed once their own field has rendered. */
  async function type (selector: string, value: string) {
    await until(() => document.querySelector(`${selector} input, ${selector} textarea`) !== null)
    await testUtils.act(() => { get(selector).dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })) })
  }

  /** Answers the page's calls with `handlers` (keyed "fn.action"); the fake records what was sent. */
  function serve (handlers: Handlers) {
    const fake = fakeTransport(handlers)
    setTransport(fake.transport)
    return { ...fake, sent: (action: string) => sent(fake, action) }
  }
  /** Mounts the page and waits until `selector` shows; returns that element. */
  async function open (selector: string): Promise<Element> {
    if (!page) throw new Error('usePageTest(page) was given no page to open')
    await testUtils.mount(page, { props: {} })
    return testUtils.queries.waitForQuerySelector(selector)
  }

  return {
    testUtils,
    /** What the next confirmation dialog answers: true for 确定, false for 取消. Each test starts with 确定. */
    setConfirm: (answer: boolean) => { confirm = answer },
    $,
    get,
    text,
    tap,
    type,
    serve,
    open,
    reset,
    /** The confirmation dialogs shown so far (their options). */
    dialogs: () => (Taro.showModal as jest.Mock).mock.calls.map((c) => c[0] as Taro.showModal.Option),
    /** The toasts' titles shown so far. */
    toasts: () => (Taro.showToast as jest.Mock).mock.calls.map((c) => (c[0] as Taro.showToast.Option).title),
    /** The addresses opened with navigateTo so far. */
    navigated: () => (Taro.navigateTo as jest.Mock).mock.calls.map((c) => (c[0] as Taro.navigateTo.Option).url)
  }
}
