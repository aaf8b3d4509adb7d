// Runs after jsdom is set up, before each page test file (fixes from design/TOOLCHAIN.md §3).
// 1) Load @tarojs/taro before test-utils/router: breaks the router → components → taro-h5 → router cycle.
require('@tarojs/taro')
// 2) Taro page hooks read React from reactMeta.R, which only createReactApp() fills in.
const React = require('react')
const ReactDOM = Object.assign({}, require('react-dom'), require('react-dom/client'))
const { createReactApp } = require('@tarojs/plugin-framework-react/dist/runtime')
// 3) test-utils' transformer emits classic-runtime JSX (React.createElement).
global.React = React
createReactApp(function App (props) { return props.children }, React, ReactDOM, { pages: [] })

// 4) Known noise, documented in design/TOOLCHAIN.md §3: test-utils wraps renders in act() while the async page loads
//    settle outside it, and taro-h5 warns about capture events on every listener. Anything else still prints.
const NOISE = [/not configured to support act/, /not wrapped in act/, /ReactDOMTestUtils\.act.? is deprecated/, /暂未实现 event 的 capture 特性/]
for (const level of ['error', 'warn']) {
  const original = console[level].bind(console)
  console[level] = (...args) => {
    const text = args.map(String).join(' ')
    if (!NOISE.some((re) => re.test(text))) original(...args)
  }
}
