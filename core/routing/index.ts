export * from './geometry'
export * from './gridIndex'
export * from './picking'
export * from './map-features'
