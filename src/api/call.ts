// Resolved by TypeScript and Jest; Taro's build picks call.weapp.ts or call.h5.ts by platform.
export * from './call.h5'
