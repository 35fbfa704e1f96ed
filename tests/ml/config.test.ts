import { describe, expect, it } from 'vitest';

import {
  parseRunConfig,
  resolveRunConfig,
  RunConfigError,
  runConfigPresetNames,
} from '../../ml/models/config';
import { usesManualMlp } from '../../ml/training/train';

describe('the run configuration', () => {
  it('defaults to the reference MLP of the product', () => {
    const config = parseRunConfig({});

    expect(config).toMatchObject({
      architecture: 'mlp',
      hiddenLayers: [128],
      activation: 'relu',
      dropout: 0,
      l1: 0,
      l2: 0,
      learningRate: 0.001,
      epochs: 10,
      batchSize: 64,
      validationSplit: 0,
      seed: 42,
      augmentation: { enabled: false },
    });
    expect(config.sampleLimit).toBeUndefined();
    expect(usesManualMlp(config)).toBe(true);
  });

  it('offers valid presets, only the plain MLPs on the manual trainer', () => {
    const trainers = Object.fromEntries(runConfigPresetNames.map((name) =>
      [name, usesManualMlp(resolveRunConfig(name))]));

    expect(trainers).toEqual({
      reference: true,
      'wide-mlp': true,
      'deep-mlp': true,
      'mlp-dropout': false,
      'cnn-small': false,
      'cnn-augmented': false,
    });
  });

  it('lets a run override a preset, augmentation field by field', () => {
    const config = resolveRunConfig('cnn-augmented', {
      epochs: 3,
      augmentation: { maxRotationDegrees: 5 },
    });

    expect(config.architecture).toBe('cnn');
    expect(config.epochs).toBe(3);
    expect(config.augmentation).toEqual({ enabled: true, maxShiftPixels: 2,
      maxRotationDegrees: 5 });
  });

  it('refuses bad values and unknown fields, naming each', () => {
    const read = () => parseRunConfig({ dropout: 0.95, batchSize: 0, colour: 'red' });

    expect(read).toThrow(RunConfigError);
    try {
      read();
    } catch (error) {
      const { code, issues } = error as RunConfigError;
      expect(code).toBe('invalid_run_config');
      expect(issues.map((issue) => issue.path).sort()).toEqual(
        ['(configuration)', 'batchSize', 'dropout']);
      expect((error as Error).message).toContain('dropout');
    }
  });
});
