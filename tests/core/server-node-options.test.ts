import { describe, expect, it } from 'vitest'
import { serverNodeOptions } from '@/scripts/server-node-options'

describe('serverNodeOptions', () => {
  it('adds the small semi-space that keeps large uploads under 300 MB', () => {
    expect(serverNodeOptions(undefined)).toBe('--max-semi-space-size=1')
  })

  it('keeps options that are already set and appends the semi-space size', () => {
    expect(serverNodeOptions('--enable-source-maps')).toBe(
      '--enable-source-maps --max-semi-space-size=1')
  })

  it('leaves a semi-space size chosen by the operator as it is', () => {
    expect(serverNodeOptions('--max-semi-space-size=8')).toBe('--max-semi-space-size=8')
  })
})
