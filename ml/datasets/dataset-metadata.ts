import { countPerClass, type ImageDataset, type ImageShape } from './image-dataset';

/** What a dataset version shows about itself before anyone trains on it. */
export interface DatasetMetadata {
  samples: { train: number; test: number };
  /** Output units a model needs: the largest training label plus one. */
  numClasses: number;
  /** Labels that actually occur in the training set. */
  distinctClasses: number;
  shape: ImageShape;
  /** Samples per label 0..numClasses-1. */
  classBalance: { train: number[]; test: number[] };
}

export function inferMetadata(sets: { train: ImageDataset; test: ImageDataset }): DatasetMetadata {
  const { train, test } = sets;
  const trainBalance = countPerClass(train.labels, train.numClasses);

  return {
    samples: { train: train.count, test: test.count },
    numClasses: train.numClasses,
    distinctClasses: trainBalance.filter((count) => count > 0).length,
    shape: train.shape,
    classBalance: { train: trainBalance, test: countPerClass(test.labels, train.numClasses) },
  };
}
