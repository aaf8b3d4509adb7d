// TypeScript and ESM-only packages (flatbush) → CommonJS for Jest in Node.
const { createTransformer } = require('babel-jest')
module.exports = createTransformer({
  babelrc: false,
  configFile: false,
  presets: [
    ['@babel/preset-env', { modules: 'commonjs', targets: { node: 'current' } }],
    '@babel/preset-typescript'
  ]
})
