export * from './upload.h5'
