import busboy from 'busboy'
import type { IncomingMessage } from 'node:http'
import { MAX_INPUT_BYTES, processPhoto } from '../photos/process'
import type { FileStore } from '../ports/files'
import { AppError } from '../errors'

/**
 * One photo from a multipart form (field `file`), as Taro.uploadFile sends it: resized to ≤ 1,600 px and ≤ 400 KB,
 * every bit of EXIF (GPS above all) stripped, a thumbnail made — before anything is stored.
 */
export async function receivePhoto (req: IncomingMessage, files: FileStore, ownerId: string): Promise<string> {
  const raw = await readFilePart(req)
  const photo = await processPhoto(raw)
  return files.save({ bytes: photo.image, contentType: 'image/jpeg', thumb: { bytes: photo.thumb, contentType: 'image/jpeg' }, ownerId })
}

function readFilePart (req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_INPUT_BYTES } })
    } catch {
      reject(new AppError('VALIDATION', '请以表单方式上传图片'))
      return
    }
    let handled = false
    bb.on('file', (_name, stream) => {
      handled = true
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => reject(new AppError('VALIDATION', '图片不能超过 10 MB，请压缩后再上传')))
      stream.on('end', () => { if (!(stream as unknown as { truncated?: boolean }).truncated) resolve(Buffer.concat(chunks)) })
    })
    bb.on('error', () => reject(new AppError('VALIDATION', '上传的内容无法读取，请重试')))
    bb.on('close', () => { if (!handled) reject(new AppError('VALIDATION', '没有收到图片')) })
    req.pipe(bb)
  })
}
