import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../model/scenario'
import { createScenarioStore } from '../../store/scenarioStore'
import { moveLesson, startLesson } from './startLesson'

const scenario = (steps: number): Scenario => ({
  id: 'demo',
  title: 'Demo',
  group: 'patterns',
  summary: '',
  watch: '',
  tryFault: null,
  document: { wireplay: 1, nodes: [], links: [] },
  lesson: Array.from({ length: steps }, (_, i) => ({ narration: `step ${i + 1}` })),
})

describe('starting and moving through a lesson', () => {
  it('starts at the first step, or a given one kept within the lesson', () => {
    const store = createScenarioStore()
    expect(startLesson(store)).toBe(false)
    store.getState().opened(scenario(3), null)
    expect(startLesson(store)).toBe(true)
    expect(store.getState().step).toBe(0)
    startLesson(store, 9)
    expect(store.getState().step).toBe(2)
  })

  it('refuses a scenario without a lesson', () => {
    const store = createScenarioStore()
    store.getState().opened(scenario(0), null)
    expect(startLesson(store)).toBe(false)
    expect(store.getState().step).toBeNull()
  })

  it('moves one step at a time and stops at either end', () => {
    const store = createScenarioStore()
    store.getState().opened(scenario(2), null)
    expect(moveLesson(store, 1)).toBe(false)
    startLesson(store)
    expect(moveLesson(store, -1)).toBe(false)
    expect(moveLesson(store, 1)).toBe(true)
    expect(store.getState().step).toBe(1)
    expect(moveLesson(store, 1)).toBe(false)
    expect(store.getState().step).toBe(1)
  })

  it('keeps the room’s answers while the lesson plays and forgets them when it ends', () => {
    const store = createScenarioStore()
    store.getState().opened(scenario(3), null)
    startLesson(store)
    store.getState().answer(1, 2)
    moveLesson(store, 1)
    moveLesson(store, -1)
    expect(store.getState().answers).toEqual({ 1: 2 })
    store.getState().setStep(null)
    expect(store.getState().answers).toEqual({})
  })
})
