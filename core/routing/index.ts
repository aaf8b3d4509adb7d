export * from './geometry'
export * from './gridIndex'
