/** Photo storage: CloudBase storage on WeChat (the phone uploads directly), a folder locally. */
export interface StoredFile {
  bytes: Uint8Array
  contentType: string
}

export interface FileStore {
  save (file: StoredFile): Promise<string>
  read (id: string): Promise<StoredFile | null>
}
