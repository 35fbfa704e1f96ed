/** Thrown by every driver's get and read for a key under which nothing is stored. */
export class MissingObjectError extends Error {
  constructor(readonly key: string) {
    super(`Nothing is stored under the key ${key}.`)
    this.name = 'MissingObjectError'
  }
}
