// Two projects: plain Node for core/server/cloudfunctions/scripts, and jsdom + Taro test-utils for pages.
const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default

const esmPackages = '@tarojs|@stencil|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj|swiper|dom7|ssr-window|zustand|flatbush|flatqueue'

const node = {
  displayName: 'node',
  testEnvironment: 'node',
  // not cloudfunctions/: its built index.js bundles are large minified files the haste map chokes on
  roots: ['<rootDir>/core', '<rootDir>/server', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(mjs|cjs|js|ts)$': '<rootDir>/__tests__/setup/node-transformer.js' },
  transformIgnorePatterns: [`<rootDir>/node_modules/(?!(${esmPackages})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json']
}

const pages = defineJestConfig({
  displayName: 'pages',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['<rootDir>/src/**/*.test.[jt]s?(x)'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: {
    '^.+\\.(mjs|cjs|js|jsx|ts|tsx)$': require.resolve('@tarojs/test-utils-react/dist/jest/babel-transformer.js')
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  transformIgnorePatterns: [`<rootDir>/node_modules/(?!(${esmPackages})/)`],
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/taro-react.js'],
  moduleNameMapper: {
    '\\.(css|less|scss|sass|styl)$': '<rootDir>/__tests__/__mocks__/styleMock.js',
    '^@/(.*)$': '<rootDir>/src/$1'
  }
})
delete pages.bail
delete pages.verbose

module.exports = {
  projects: [node, pages],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
  // A guard against a hung test, not a speed target: on a busy 2-core machine a concurrency or crash-loop test that
  // takes 1 s when quiet can take several times that (benchmarks measure speed; tests never time anything).
  testTimeout: 30_000
}
