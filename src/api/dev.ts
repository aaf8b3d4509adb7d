export * from './dev.h5'
