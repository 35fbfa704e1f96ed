import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import { containsNul } from '@/lib/text'
import { UploadFormatError } from './format-errors'
import { publishConverted, rawPaths } from './converted'
import { IdxWriter, seededRandom } from './idx-writer'
import type { NewVersionInput } from './versions'

// A CSV table becomes an "image" of one row of features: shape [1, features, 1].
// ml/ holds samples as bytes, so each feature column is scaled min–max into 0–255;
// precision below 1/255 of a column's range is lost (the card says so).
const MAX_CLASSES = 256

type CsvOptions = { labelColumn?: string; testFraction: number; seed: number }
type Scan = {
  header: string[]
  labelIndex: number
  rows: number
  labels: string[]
  min: number[]
  max: number[]
}

function rowsOf(file: string) {
  return createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true, trim: true,
    relax_column_count: true }))
}

async function* records(file: string, name: string) {
  try {
    for await (const record of rowsOf(file)) yield record as string[]
  } catch (error) {
    if (error instanceof UploadFormatError) throw error
    throw new UploadFormatError('csv_invalid', `${name} cannot be read as CSV: ` +
      `${(error as Error).message}. Save it as comma-separated UTF-8 text.`, name)
  }
}

/** First pass: checks every row and learns the columns' ranges and the labels. */
async function scan(file: string, name: string, options: CsvOptions,
  expectedHeader?: string[]): Promise<Scan> {
  let result: Scan | undefined
  let line = 0
  for await (const record of records(file, name)) {
    line += 1
    if (record.some(containsNul)) {
      throw new UploadFormatError('csv_invalid', `Line ${line} of ${name} holds a NUL ` +
        'character (byte 0), which a CSV table cannot contain: is it really a text file?', name)
    }
    if (!result) {
      const header = record
      if (expectedHeader && header.join(',') !== expectedHeader.join(',')) {
        throw new UploadFormatError('csv_ragged', `${name} has the columns ` +
          `${header.join(', ')} but the training file has ${expectedHeader.join(', ')}. ` +
          'Both files need the same columns in the same order.', name)
      }
      const wanted = options.labelColumn ?? (header.includes('label') ? 'label' : header.at(-1))
      const labelIndex = header.indexOf(wanted ?? '')
      if (labelIndex < 0) {
        throw new UploadFormatError('csv_label_column_missing', `${name} has no column named ` +
          `"${wanted}". Its columns are: ${header.join(', ')}. Pick one as the label column.`,
        name)
      }
      if (header.length < 2) {
        throw new UploadFormatError('csv_empty', `${name} has only one column; it needs at ` +
          'least one feature column besides the label.', name)
      }
      const features = header.length - 1
      result = { header, labelIndex, rows: 0, labels: [],
        min: new Array(features).fill(Infinity), max: new Array(features).fill(-Infinity) }
      continue
    }
    checkRow(record, result, name, line)
    result.rows += 1
  }
  if (!result || result.rows === 0) {
    throw new UploadFormatError('csv_empty', `${name} has no data rows. The first line ` +
      'names the columns; every following line is one sample.', name)
  }
  return result
}

function checkRow(record: string[], scanState: Scan, name: string, line: number): void {
  const { header, labelIndex } = scanState
  if (record.length !== header.length) {
    throw new UploadFormatError('csv_ragged', `Line ${line} of ${name} has ${record.length} ` +
      `values but the header names ${header.length} columns. Every row needs one value ` +
      'per column.', name)
  }
  let feature = 0
  for (let column = 0; column < record.length; column++) {
    if (column === labelIndex) continue
    const text = record[column]
    const value = text === '' ? NaN : Number(text)
    if (!Number.isFinite(value)) {
      throw new UploadFormatError('csv_non_numeric', `Line ${line} of ${name} has ` +
        `"${text.slice(0, 40)}" in the column "${header[column]}", which is not a number. ` +
        'Feature columns must be numeric; remove or encode that column.', name)
    }
    if (value < scanState.min[feature]) scanState.min[feature] = value
    if (value > scanState.max[feature]) scanState.max[feature] = value
    feature += 1
  }
  scanState.labels.push(record[labelIndex])
}

function classNamesOf(labels: string[]): string[] {
  const distinct = [...new Set(labels)]
  const numeric = distinct.every((label) => /^-?\d+(\.\d+)?$/.test(label))
  return numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort()
}

/** Second pass: writes the chosen rows as scaled bytes into an images and a labels file. */
async function writeRows(file: string, name: string, scanState: Scan, classIndex: Map<string,
  number>, keep: (row: number) => boolean, writers: { images: IdxWriter; labels: IdxWriter },
  range: { min: number[]; max: number[] }) {
  let row = -2
  const features = scanState.header.length - 1
  for await (const record of records(file, name)) {
    row += 1
    if (row < 0 || !keep(row)) continue
    const bytes = new Uint8Array(features)
    let feature = 0
    for (let column = 0; column < record.length; column++) {
      if (column === scanState.labelIndex) continue
      const span = range.max[feature] - range.min[feature]
      const scaled = span === 0 ? 0 : (Number(record[column]) - range.min[feature]) / span
      bytes[feature] = Math.round(Math.min(1, Math.max(0, scaled)) * 255)
      feature += 1
    }
    await writers.images.write(bytes)
    await writers.labels.write(Uint8Array.of(classIndex.get(record[scanState.labelIndex]) ?? 0))
  }
}

/** Converts a CSV upload (one file and a seeded split, or train and test files). */
export async function createCsvDatasetVersion(input: NewVersionInput & {
  dir: string; train: { path: string; name: string }; test?: { path: string; name: string }
  options: CsvOptions
}) {
  const { dir, train, test, options } = input
  const trainScan = await scan(train.path, train.name, options)
  const testScan = test ? await scan(test.path, test.name, options, trainScan.header) : undefined

  const classNames = classNamesOf([...trainScan.labels, ...(testScan?.labels ?? [])])
  if (classNames.length > MAX_CLASSES) {
    throw new UploadFormatError('csv_label_out_of_range', `The label column has ` +
      `${classNames.length} distinct values; Tandem trains classifiers of at most ` +
      `${MAX_CLASSES} classes. Check that the right column is the label.`, train.name)
  }
  if (classNames.length < 2) {
    throw new UploadFormatError('csv_one_class', `Every row has the label ` +
      `"${classNames[0]}": a classifier needs at least two classes.`, train.name)
  }
  const classIndex = new Map(classNames.map((label, index) => [label, index]))
  const range = testScan ? {
    min: trainScan.min.map((v, i) => Math.min(v, testScan.min[i])),
    max: trainScan.max.map((v, i) => Math.max(v, testScan.max[i])),
  } : trainScan

  // Without a test file each row goes to the test set with probability testFraction,
  // drawn from the seed in row order: the same file and seed give the same split.
  const draw = seededRandom(options.seed)
  const inTest = Uint8Array.from({ length: trainScan.rows },
    () => (!testScan && draw() < options.testFraction ? 1 : 0))
  if (!testScan && trainScan.rows >= 2 && !inTest.includes(1)) inTest[trainScan.rows - 1] = 1
  const testRows = inTest.reduce((sum, flag) => sum + flag, 0)
  const trainRows = trainScan.rows - testRows
  if (trainRows === 0 || (!testScan && testRows === 0)) {
    throw new UploadFormatError('csv_empty', `${train.name} has ${trainScan.rows} rows, too ` +
      'few to draw both a training and a test set. Add rows or upload a test file.',
    train.name)
  }

  const shape: [number, number, number] = [1, trainScan.header.length - 1, 1]
  const raw = rawPaths(dir)
  const writers = {
    train: { images: new IdxWriter(raw.trainImages, trainRows, shape),
      labels: new IdxWriter(raw.trainLabels, trainRows, 'labels') },
    test: { images: new IdxWriter(raw.testImages, testScan?.rows ?? testRows, shape),
      labels: new IdxWriter(raw.testLabels, testScan?.rows ?? testRows, 'labels') },
  }
  await writeRows(train.path, train.name, trainScan, classIndex, (r) => inTest[r] === 0,
    writers.train, range)
  await writeRows(test?.path ?? train.path, test?.name ?? train.name, testScan ?? trainScan,
    classIndex, (r) => (testScan ? true : inTest[r] === 1), writers.test, range)
  for (const writer of [writers.train.images, writers.train.labels, writers.test.images,
    writers.test.labels]) await writer.close()

  const features = trainScan.header.filter((_, i) => i !== trainScan.labelIndex)
  return publishConverted({ dir, raw, base: input, format: 'CSV', classNames,
    conversion: { labelColumn: trainScan.header[trainScan.labelIndex], features,
      scaling: 'min-max per column to 0–255', min: range.min, max: range.max,
      split: testScan ? 'test file' : { testFraction: options.testFraction,
        seed: options.seed } } })
}
