"""One epoch of the reference MLP in PyTorch, 1 thread, on the real MNIST: bench (c).

usage: /usr/bin/python3 bench/torch_mlp.py <mnist dir> <batch size>
Prints one JSON line: {trainer, batchSize, seconds, peakRssMb, testAccuracy, torch}.
Same network and optimizer as Tandem's reference: 784 -> Dense 128 ReLU -> Dense 10,
Adam(lr 1e-3), cross-entropy on softmax, pixels scaled to [0, 1].
"""
import json
import os
import resource
import sys
import time

import numpy as np
import torch
from torch import nn

IMAGES_HEADER_BYTES = 16  # IDX: magic, count, rows, cols
LABELS_HEADER_BYTES = 8  # IDX: magic, count
WARM_UP_BATCHES = 3


def read_idx(directory, name, header_bytes):
    return np.fromfile(os.path.join(directory, name), dtype=np.uint8, offset=header_bytes)


def load_set(directory, prefix):
    images = read_idx(directory, f'{prefix}-images-idx3-ubyte', IMAGES_HEADER_BYTES)
    labels = read_idx(directory, f'{prefix}-labels-idx1-ubyte', LABELS_HEADER_BYTES)
    pixels = torch.from_numpy(images.reshape(-1, 784).astype(np.float32) / 255)
    return pixels, torch.from_numpy(labels.astype(np.int64))


def train_epoch(model, optimizer, images, labels, batch_size, count):
    loss_function = nn.CrossEntropyLoss()
    order = torch.randperm(count)
    for start in range(0, count, batch_size):
        batch = order[start:start + batch_size]
        optimizer.zero_grad(set_to_none=True)
        loss_function(model(images[batch]), labels[batch]).backward()
        optimizer.step()


def main():
    directory, batch_size = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(1)
    torch.manual_seed(0)
    train_images, train_labels = load_set(directory, 'train')
    test_images, test_labels = load_set(directory, 't10k')
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    train_epoch(model, optimizer, train_images, train_labels, batch_size,
                WARM_UP_BATCHES * batch_size)
    started = time.perf_counter()
    train_epoch(model, optimizer, train_images, train_labels, batch_size, len(train_labels))
    seconds = time.perf_counter() - started

    with torch.no_grad():
        accuracy = (model(test_images).argmax(1) == test_labels).float().mean().item()
    print(json.dumps({
        'trainer': 'torch',
        'batchSize': batch_size,
        'seconds': seconds,
        'testAccuracy': accuracy,
        'peakRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'torch': torch.__version__,
    }))


if __name__ == '__main__':
    main()
