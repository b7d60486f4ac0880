import { describe, expect, it } from 'vitest'
import { formatPointTime, formatTick, formatTickTime, formatValue, niceTop, readout, timeUnitFor, valueKind, X_STEPS, xSteps, yTicks } from './series'

describe('chart axes', () => {
  it('tops the y axis at a round value at or above the largest one', () => {
    expect(niceTop(0)).toBe(1)
    expect(niceTop(Number.NaN)).toBe(1)
    expect(niceTop(-3)).toBe(1)
    expect(niceTop(1)).toBe(1)
    expect(niceTop(1.2)).toBe(2)
    expect(niceTop(3)).toBe(4)
    expect(niceTop(4.5)).toBe(6)
    expect(niceTop(7)).toBe(8)
    expect(niceTop(9)).toBe(10)
    expect(niceTop(12)).toBe(20)
    expect(niceTop(1761)).toBe(2000)
    expect(niceTop(0.3)).toBe(0.4)
    expect(niceTop(0.07)).toBe(0.08)
  })

  it('ticks 0, the middle and the top, each round', () => {
    expect(yTicks(2000)).toEqual([0, 1000, 2000])
    expect(yTicks(6)).toEqual([0, 3, 6])
    expect(yTicks(0.6)).toEqual([0, 0.3, 0.6])
  })

  it('labels y ticks with the unit the chart title gives', () => {
    expect(valueKind('ms')).toBe('ms')
    expect(valueKind('operations/s')).toBe('rate')
    expect(valueKind('per second')).toBe('rate')
    expect(valueKind('waiting')).toBe('count')
    expect(formatTick(0, 'ms')).toBe('0')
    expect(formatTick(500, 'ms')).toBe('500 ms')
    expect(formatTick(1000, 'ms')).toBe('1 s')
    expect(formatTick(1500, 'ms')).toBe('1.5 s')
    expect(formatTick(20, 'rate')).toBe('20 /s')
    expect(formatTick(2000, 'rate')).toBe('2,000 /s')
    expect(formatTick(0.5, 'rate')).toBe('0.5 /s')
    expect(formatTick(8, 'count')).toBe('8')
  })

  it('labels x ticks in seconds, and every tick in whole minutes once the run reaches 2 min', () => {
    expect([0, 90, 119].map(timeUnitFor)).toEqual(['s', 's', 's'])
    expect([120, 1000, 36_000].map(timeUnitFor)).toEqual(['min', 'min', 'min'])
    expect(timeUnitFor(undefined)).toBe('s')
    expect([20, 60, 90].map((t) => formatTickTime(t, 's'))).toEqual(['20 s', '60 s', '90 s'])
    expect([0, 60, 600, 3600].map((t) => formatTickTime(t, 'min'))).toEqual(['0 min', '1 min', '10 min', '60 min'])
    // on an axis in minutes, uPlot only has whole-minute steps to choose from
    expect(xSteps('min').every((step) => step % 60 === 0)).toBe(true)
    expect(xSteps('min')[0]).toBe(60)
    expect(xSteps('s')).toBe(X_STEPS)
    expect(X_STEPS).toEqual([...X_STEPS].sort((a, b) => a - b))
  })
})

describe('chart readout', () => {
  it('formats ms whole, rates and counts to one decimal, and a missing value as a dash', () => {
    expect(formatValue(1760.6, 'ms')).toBe('1,761')
    expect(formatValue(4.25, 'rate')).toBe('4.3')
    expect(formatValue(4, 'rate')).toBe('4')
    expect(formatValue(123.4, 'count')).toBe('123')
    expect(formatValue(null, 'rate')).toBe('–')
    expect(formatValue(undefined, 'ms')).toBe('–')
  })

  it('reads one line with its unit, and several lines by label, at their point in time', () => {
    expect(readout(37, [{ label: 'per second', value: 4 }], 'rate', 'operations/s')).toBe('37 s: 4 /s')
    expect(readout(60, [{ label: 'waiting', value: 12 }], 'count', 'waiting')).toBe('60 s: 12 waiting')
    expect(
      readout(
        37,
        [
          { label: 'p50', value: 21 },
          { label: 'p95', value: 1761 },
          { label: 'p99', value: null },
        ],
        'ms',
        'ms',
      ),
    ).toBe('37 s: p50 21 · p95 1,761 · p99 – ms')
    expect(readout(undefined, [{ label: 'x', value: 1 }], 'rate', '')).toBe('')
  })

  it('says the time in the axis’s unit: minutes and seconds on a long run’s axis in minutes', () => {
    expect(readout(157, [{ label: 'per second', value: 4 }], 'rate', 'operations/s', timeUnitFor(600))).toBe('2 min 37 s: 4 /s')
    expect(readout(180, [{ label: 'waiting', value: 12 }], 'count', 'waiting', timeUnitFor(600))).toBe('3 min: 12 waiting')
    expect(readout(37, [{ label: 'per second', value: 4 }], 'rate', 'operations/s', timeUnitFor(60))).toBe('37 s: 4 /s')
    expect([0, 59, 60, 61, 3725].map((s) => formatPointTime(s, 'min'))).toEqual(['0 min', '0 min 59 s', '1 min', '1 min 1 s', '62 min 5 s'])
  })
})
