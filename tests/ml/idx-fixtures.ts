import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of an IDX image file: magic, count, rows, cols, then the pixels. */
export function idxImagesBytes(images: number[][], rows: number, cols: number,
  magic = 0x00000803): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(magic, 0);
  header.writeUInt32BE(images.length, 4);
  header.writeUInt32BE(rows, 8);
  header.writeUInt32BE(cols, 12);
  return Buffer.concat([header, Buffer.from(images.flat())]);
}

/** Bytes of an IDX label file: magic, count, then the labels. */
export function idxLabelsBytes(labels: number[], magic = 0x00000801): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(magic, 0);
  header.writeUInt32BE(labels.length, 4);
  return Buffer.concat([header, Buffer.from(labels)]);
}

/** Three 2×2 images and their labels. */
export const tinyImages = [[0, 255, 0, 255], [10, 20, 30, 40], [255, 255, 255, 255]];
export const tinyLabels = [2, 0, 1];

export function tempDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tandem-ml-'));
}

export interface IdxPairFixture {
  trainImages?: Buffer;
  trainLabels?: Buffer;
  testImages?: Buffer;
  testLabels?: Buffer;
  gzip?: boolean;
}

/** A folder holding an IDX train/test pair under MNIST's file names. */
export async function writeIdxPair(fixture: IdxPairFixture = {}): Promise<string> {
  const directory = await tempDirectory();
  const suffix = fixture.gzip ? '.gz' : '';
  const files: [string, Buffer][] = [
    ['train-images-idx3-ubyte', fixture.trainImages ?? idxImagesBytes(tinyImages, 2, 2)],
    ['train-labels-idx1-ubyte', fixture.trainLabels ?? idxLabelsBytes(tinyLabels)],
    ['t10k-images-idx3-ubyte', fixture.testImages ?? idxImagesBytes(tinyImages.slice(0, 2), 2, 2)],
    ['t10k-labels-idx1-ubyte', fixture.testLabels ?? idxLabelsBytes([1, 2])],
  ];
  for (const [name, bytes] of files) {
    await writeFile(join(directory, name + suffix), fixture.gzip ? gzipSync(bytes) : bytes);
  }
  return directory;
}
