import { loadDatasetVersionForTraining } from '@/lib/datasets/versions'
import type { ImageDataset } from '../../ml/datasets/image-dataset'

/** The train and test splits of a dataset version, read from storage by the main thread. */
export async function loadTrainingData(
  datasetVersionId: string,
): Promise<{ train: ImageDataset; test: ImageDataset }> {
  const { train, test } = await loadDatasetVersionForTraining(datasetVersionId)
  return { train, test }
}
