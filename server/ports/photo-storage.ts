/**
 * Cloud file storage as the photos function sees it (CloudBase storage on WeChat): the phone uploads each photo there
 * itself, so the server meets it only afterwards — reads the upload, writes the processed photo and its thumbnail
 * beside it, and deletes the upload, which may still carry the GPS position the phone wrote.
 */
export interface PhotoStorage {
  /** The bytes of a stored file; null when there is no such file (never uploaded, or deleted). */
  read (fileId: string): Promise<Uint8Array | null>
  /** Store bytes under a path of ours (`photos/…`); returns the new file's id. */
  write (path: string, bytes: Uint8Array, contentType: string): Promise<string>
  /** Delete files; one already gone is not an error. */
  remove (fileIds: readonly string[]): Promise<void>
}
