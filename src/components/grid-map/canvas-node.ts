// TypeScript and jest resolve `./canvas-node` to this file; Taro's builds pick canvas-node.h5.ts or
// canvas-node.weapp.ts by platform suffix. Both export the same API.
export * from './canvas-node.h5'
