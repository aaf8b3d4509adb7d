/** Photo storage: CloudBase storage on WeChat (the phone uploads directly), a folder locally. */
export interface StoredFile {
  bytes: Uint8Array
  contentType: string
}

export interface FileStore {
  /** Store a processed photo with its thumbnail; returns the new file id. */
  save (file: StoredFile & { thumb?: StoredFile; ownerId: string }): Promise<string>
  read (id: string, variant?: 'full' | 'thumb'): Promise<StoredFile | null>
}
