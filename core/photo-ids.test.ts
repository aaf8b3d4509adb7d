import { thumbIdOf } from './photo-ids'

describe('a processed photo\'s thumbnail', () => {
  it('sits beside the photo, for a path and for a cloud file id', () => {
    expect(thumbIdOf('photos/ph-m3k2-9f8e.jpg')).toBe('photos/ph-m3k2-9f8e.thumb.jpg')
    expect(thumbIdOf('cloud://env-1.7465-env-1-1250/photos/ph-1.jpg')).toBe('cloud://env-1.7465-env-1-1250/photos/ph-1.thumb.jpg')
  })

  it('is nothing for an upload, a thumbnail or a local id', () => {
    for (const id of ['cloud://env-1.bucket/uploads/a.jpg', 'cloud://env-1.bucket/photos/ph-1.thumb.jpg', 'f-0b0c2a4e-1111-4222-8333-944455556666']) {
      expect({ id, thumb: thumbIdOf(id) }).toEqual({ id, thumb: null })
    }
  })
})
