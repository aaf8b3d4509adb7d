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
