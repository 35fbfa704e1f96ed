import sharp from 'sharp'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { UploadFormatError } from './format-errors'
import { publishConverted, rawPaths } from './converted'
import { IdxWriter, seededRandom } from './idx-writer'
import type { NewVersionInput } from './versions'

// A ZIP of images in one folder per class ("cats/001.jpg", "dogs/002.png"), optionally
// inside one top folder. Entries are checked from the central directory before any
// image is decoded: unsafe paths, an unpacked size far beyond the packed one (a "zip
// bomb"), other files, a single class. Images are decoded one at a time with sharp.
const IMAGE_EXTENSIONS = /\.(png|jpe?g)$/i
const IGNORED = /(^|\/)(__MACOSX\/|\.[^/]*$|Thumbs\.db$)/
const MAX_RATIO = 100
const MAX_IMAGE_BYTES = 32 * 1024 * 1024
const MAX_IMAGE_PIXELS = 40_000_000

type ZipOptions = { imageSize: number; colour: 'grey' | 'rgb'; testFraction: number; seed: number }
type ImageEntry = { name: string; className: string }

function openZip(file: string, name: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => error || !zip
        ? reject(new UploadFormatError('zip_invalid', `${name} is not a ZIP archive Tandem ` +
          `can read (${error?.message ?? 'unknown error'}). Create it again with a standard ` +
          'zip tool.', name))
        : resolve(zip))
  })
}

async function* entriesOf(zip: ZipFile): AsyncGenerator<Entry> {
  while (true) {
    const entry = await new Promise<Entry | null>((resolve, reject) => {
      zip.once('entry', resolve).once('end', () => resolve(null)).once('error', reject)
      zip.readEntry()
    })
    zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error')
    if (!entry) return
    yield entry
  }
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error)
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => resolve(Buffer.concat(chunks)))
      stream.on('error', reject)
    })
  })
}

function entryName(entry: Entry): string {
  return Buffer.isBuffer(entry.fileName) ? entry.fileName.toString('utf8')
    : String(entry.fileName)
}

/** First pass over the central directory: safety, layout and classes, no decoding. */
async function survey(file: string, name: string, maxBytes: number) {
  const zip = await openZip(file, name)
  const images: ImageEntry[] = []
  let unpacked = 0
  let packed = 0
  try {
    for await (const entry of entriesOf(zip)) {
      const path = entryName(entry)
      if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) ||
        path.split('/').includes('..')) {
        throw new UploadFormatError('zip_unsafe_path', `${name} contains the entry "${path}", ` +
          'which points outside the archive. Re-create the archive from the dataset folder.',
        name)
      }
      if (path.endsWith('/') || IGNORED.test(path)) continue
      unpacked += entry.uncompressedSize
      packed += entry.compressedSize
      if (unpacked > maxBytes || (entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize))) {
        throw new UploadFormatError('zip_too_large_unpacked', `${name} unpacks to ` +
          `${Math.round(unpacked / 1024 / 1024)} MB or more from ${Math.round(packed / 1024)} KB` +
          ' packed; Tandem refuses archives that expand this much (a "zip bomb"). Zip the ' +
          'image files themselves.', name)
      }
      if (images.some((image) => image.name === path)) {
        throw new UploadFormatError('zip_layout', `${name} holds "${path}" twice.`, name)
      }
      images.push({ name: path, className: classOf(path, name) })
    }
  } finally {
    zip.close()
  }
  return images
}

function classOf(path: string, archive: string): string {
  const parts = path.split('/')
  if (!IMAGE_EXTENSIONS.test(path)) {
    throw new UploadFormatError('zip_not_image', `${archive} contains "${path}", which is ` +
      'not a PNG or JPEG image. Keep only images, one folder per class.', archive)
  }
  if (parts.length < 2 || parts.length > 3) {
    throw new UploadFormatError('zip_layout', `${archive} has "${path}" at the wrong depth. ` +
      'Put the images in one folder per class (class/image.png), optionally inside one ' +
      'top folder.', archive)
  }
  return parts.at(-2) as string
}

function checkClasses(images: ImageEntry[], name: string): string[] {
  const roots = new Set(images.map((image) => image.name.split('/').length === 3
    ? image.name.split('/')[0] : ''))
  if (roots.size > 1) {
    throw new UploadFormatError('zip_layout', `${name} mixes images at different depths or ` +
      'in several top folders. Use one folder per class, optionally inside one top folder.',
    name)
  }
  const classNames = [...new Set(images.map((image) => image.className))].sort()
  if (images.length === 0) {
    throw new UploadFormatError('zip_empty', `${name} holds no PNG or JPEG images.`, name)
  }
  if (classNames.length < 2) {
    throw new UploadFormatError('zip_one_class', `${name} has only the class ` +
      `"${classNames[0]}": a classifier needs at least two class folders.`, name)
  }
  if (classNames.length > 256) {
    throw new UploadFormatError('zip_layout', `${name} has ${classNames.length} class ` +
      'folders; Tandem trains classifiers of at most 256 classes.', name)
  }
  return classNames
}

async function decode(bytes: Buffer, path: string, archive: string, options: ZipOptions) {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
      .resize(options.imageSize, options.imageSize, { fit: 'fill' })
    const converted = options.colour === 'grey'
      ? image.greyscale().toColourspace('b-w') : image.removeAlpha().toColourspace('srgb')
    return await converted.raw().toBuffer()
  } catch (error) {
    throw new UploadFormatError('zip_not_image', `"${path}" in ${archive} cannot be decoded ` +
      `as an image (${(error as Error).message}). Remove it or save it again as PNG or JPEG.`,
    archive)
  }
}

/** Converts an image ZIP: every image resized to a square of `imageSize`, grey or RGB. */
export async function createImageZipDatasetVersion(input: NewVersionInput & {
  dir: string; archive: { path: string; name: string }; options: ZipOptions
  maxUnpackedBytes: number
}) {
  const { dir, archive, options } = input
  const images = await survey(archive.path, archive.name, input.maxUnpackedBytes)
  const classNames = checkClasses(images, archive.name)
  const classIndex = new Map(classNames.map((className, index) => [className, index]))
  const draw = seededRandom(options.seed)
  const inTest = new Map(images.map((image) => [image.name, draw() < options.testFraction]))
  // A small archive may draw no test image at all; the last one then goes to the test set.
  if (![...inTest.values()].some(Boolean)) inTest.set(images[images.length - 1].name, true)
  const testCount = [...inTest.values()].filter(Boolean).length
  if (testCount === 0 || testCount === images.length) {
    throw new UploadFormatError('zip_empty', `${archive.name} has ${images.length} images, ` +
      'too few to draw both a training and a test set.', archive.name)
  }

  const channels = options.colour === 'grey' ? 1 : 3
  const shape: [number, number, number] = [options.imageSize, options.imageSize, channels]
  const raw = rawPaths(dir)
  const train = { images: new IdxWriter(raw.trainImages, images.length - testCount, shape),
    labels: new IdxWriter(raw.trainLabels, images.length - testCount, 'labels') }
  const test = { images: new IdxWriter(raw.testImages, testCount, shape),
    labels: new IdxWriter(raw.testLabels, testCount, 'labels') }

  const zip = await openZip(archive.path, archive.name)
  try {
    for await (const entry of entriesOf(zip)) {
      const path = entryName(entry)
      if (!inTest.has(path)) continue
      if (entry.uncompressedSize > MAX_IMAGE_BYTES) {
        throw new UploadFormatError('zip_too_large_unpacked', `"${path}" in ${archive.name} ` +
          `is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB; use smaller images.`, archive.name)
      }
      const pixels = await decode(await readEntry(zip, entry), path, archive.name, options)
      const target = inTest.get(path) ? test : train
      await target.images.write(pixels)
      await target.labels.write(Uint8Array.of(classIndex.get(classOf(path, archive.name)) ?? 0))
    }
  } finally {
    zip.close()
    for (const writer of [train.images, train.labels, test.images, test.labels]) {
      await writer.close()
    }
  }

  return publishConverted({ dir, raw, base: input, format: 'IMAGE_ZIP', classNames,
    conversion: { imageSize: options.imageSize, colour: options.colour, images: images.length,
      split: { testFraction: options.testFraction, seed: options.seed } } })
}
