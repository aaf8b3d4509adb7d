// TypeScript and jest resolve `./canvas-node` to this file; the H5 build picks canvas-node.h5.ts by platform
// suffix. The canvas map is the H5 picker only: WeChat uses its native map (index.weapp.tsx).
export * from './canvas-node.h5'
