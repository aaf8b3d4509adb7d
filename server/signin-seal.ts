import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { REQUEST_ID_BYTES, SECRET_BYTES } from '../core/signin'

/**
 * The secrets of a desk sign-in (core/signin.ts): the request's random halves, the hash the store keeps of the
 * secret, and the seal that holds the session token between the phone's confirmation and the desk's next poll. The
 * seal's key comes from the secret alone (and not from its stored hash), so only the QR's holder can open it.
 */

export function newSignInRequestKeys (): { requestId: string; secret: string } {
  return { requestId: randomBytes(REQUEST_ID_BYTES).toString('base64url'), secret: randomBytes(SECRET_BYTES).toString('base64url') }
}

export const secretHashOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex')

/** Does `secret` hash to `hash`? In constant time, so the comparison says nothing about how near a guess came. */
export function secretMatches (secret: string, hash: string): boolean {
  const a = Buffer.from(secretHashOf(secret), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

const sealKey = (secret: string): Buffer => createHash('sha256').update(`wenming-signin-seal\n${secret}`, 'utf8').digest()

/** AES-256-GCM under the secret's key: base64url of iv ‖ tag ‖ ciphertext. */
export function seal (secret: string, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealKey(secret), iv)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/** The sealed text, or null when the secret is not the one it was sealed with (or the seal was tampered with). */
export function unseal (secret: string, sealed: string): string | null {
  const raw = Buffer.from(sealed, 'base64url')
  if (raw.length < 28) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(secret), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
