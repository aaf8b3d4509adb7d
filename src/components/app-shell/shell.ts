// Resolved by TypeScript and Jest; Taro's build picks shell.weapp.ts or shell.h5.ts by platform.
export * from './shell.h5'
