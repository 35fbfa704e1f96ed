'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import type { MisclassifiedExample } from '@/lib/runs/worker-protocol'

type File = { shape: number[]; examples: MisclassifiedExample[] }

/** Wrongly predicted test images, drawn from their pixels (only for allowed users). */
export function MisclassifiedGallery({ runId }: { runId: string }) {
  const t = useTranslations('runs.page')
  const [file, setFile] = useState<File | null>(null)

  useEffect(() => {
    void fetch(`/api/runs/${runId}/misclassified`).then(async (response) => {
      if (response.ok) setFile(await response.json())
    })
  }, [runId])

  if (!file) return null
  if (file.examples.length === 0) return <p className="muted">{t('noMisclassified')}</p>
  return (
    <ul className="gallery" data-testid="misclassified">
      {file.examples.map((example) => (
        <li key={example.index}>
          <SampleImage pixels={example.pixels} shape={file.shape} />
          <span>{t('misclassifiedLabel', { label: example.label,
            predicted: example.predicted,
            confidence: `${Math.round(example.confidence * 100)}%` })}</span>
        </li>
      ))}
    </ul>
  )
}

function SampleImage({ pixels, shape }: { pixels: number[]; shape: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [rows, cols, channels] = shape

  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    if (!context) return
    const image = context.createImageData(cols, rows)
    for (let i = 0; i < rows * cols; i++) {
      for (let c = 0; c < 3; c++) {
        image.data[i * 4 + c] = pixels[i * channels + (channels === 3 ? c : 0)]
      }
      image.data[i * 4 + 3] = 255
    }
    context.putImageData(image, 0, 0)
  }, [pixels, rows, cols, channels])

  return <canvas ref={canvas} width={cols} height={rows} className="sample" />
}
