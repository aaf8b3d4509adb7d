/**
 * Where the photos function puts a processed photo and its thumbnail (server/photos/intake.ts): `photos/<id>.jpg` and,
 * beside it, `photos/<id>.thumb.jpg` — so the phone shows a thumbnail from the photo's id alone (src/api/upload.weapp.ts).
 */
const PROCESSED = /(^|\/)photos\/[\w.-]+\.jpg$/

/** The thumbnail's path or file id of a processed photo's; null for anything else (an upload, a thumbnail, a local id). */
export function thumbIdOf (photo: string): string | null {
  return PROCESSED.test(photo) && !photo.endsWith('.thumb.jpg') ? photo.replace(/\.jpg$/, '.thumb.jpg') : null
}
