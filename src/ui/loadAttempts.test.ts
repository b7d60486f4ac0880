import { describe, expect, it, vi } from 'vitest'
import { initialPartState, partFailureText, partWanted, retryingLoads, retryNow, type PartState } from './loadAttempts'

// The rules LazyPart follows, without React (unit tests run in Node with no DOM, and React
// runs error boundaries only in a browser); e2e/loadFailure.spec.ts checks LazyPart itself.

const loadFailure = () => new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/LessonPlayer-abc.js')
const apply = (state: PartState, change: Partial<PartState> | null): PartState => ({ ...state, ...change })

describe('what a part that failed says', () => {
  it('a load failure: it did not load, and why that happens', () => {
    expect(partFailureText('lesson player', loadFailure())).toBe('The lesson player did not load: the connection dropped, or a new version of Wireplay was published since this page opened. Your diagram is saved.')
  })

  it('any other error: it stopped, in the error’s own words, without blaming the connection', () => {
    // a fault in the part's own code is held by the boundary too (rethrown, it would
    // unmount the whole editor), but must not be passed off as a network problem
    const text = partFailureText('lesson player', new RangeError('step 7 does not exist'))
    expect(text).toBe('The lesson player stopped with an error (step 7 does not exist). Your diagram is saved.')
    expect(text).not.toMatch(/connection|did not load/)
    expect(partFailureText('Event log', 'not even an Error')).toBe('The Event log stopped with an error (not even an Error). Your diagram is saved.')
  })
})

describe('when a part that failed tries again', () => {
  it('a dismissed failure stays hidden until the owner’s retryKey changes, then comes back on a newer try', () => {
    let s = initialPartState('first open')
    const first = s.attempt
    s = apply(s, { error: loadFailure() })
    s = apply(s, { dismissed: true })
    expect(partWanted(s, 'first open')).toBeNull()
    s = apply(s, partWanted(s, 'opened again'))
    expect(s).toMatchObject({ error: null, dismissed: false, retryKey: 'opened again' })
    expect(s.attempt).toBeGreaterThan(first)
  })

  it('a failure still on screen also tries again when the key changes', () => {
    let s = apply(initialPartState(false), { error: loadFailure() })
    const before = s.attempt
    s = apply(s, partWanted(s, true))
    expect(s.error).toBeNull()
    expect(s.attempt).toBeGreaterThan(before)
  })

  it('a part that is fine keeps its try when the key changes: nothing to load again', () => {
    const s = initialPartState(false)
    expect(partWanted(s, true)).toEqual({ retryKey: true })
  })

  it('Try again clears the failure, shown or dismissed, on a newer try, keeping the key', () => {
    const failed = { ...initialPartState('k'), error: loadFailure(), dismissed: true }
    const again = retryNow(failed)
    expect(again.error).toBeNull()
    expect(again.dismissed).toBe(false)
    expect(again.attempt).toBeGreaterThan(failed.attempt)
    expect(again.retryKey).toBe('k')
  })

  it('each mount starts on a newer try (a dialog opened again, a tab shown again)', () => {
    const earlier = initialPartState(undefined).attempt
    expect(initialPartState(undefined).attempt).toBeGreaterThan(earlier)
  })
})

describe('retryingLoads', () => {
  // `make` stands in for React's lazy: it keeps the loader React would call on render
  const setup = () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(loadFailure()).mockResolvedValue('the lesson player')
    return { load, forAttempt: retryingLoads(load, (l) => ({ load: l })) }
  }

  it('loads again after a failure only on a newer try, and keeps a load that worked', async () => {
    const { load, forAttempt } = setup()
    const first = forAttempt(1)
    await expect(first.load()).rejects.toThrow('dynamically imported module')
    // the same try rendered again (React repeats a render after an error) keeps the
    // failure rather than fetching again: no endless fetching while offline
    expect(forAttempt(1)).toBe(first)
    const second = forAttempt(2)
    expect(second).not.toBe(first)
    await expect(second.load()).resolves.toBe('the lesson player')
    expect(forAttempt(3)).toBe(second)
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('keeps a load still under way, whatever the try', () => {
    const { forAttempt } = setup()
    const first = forAttempt(1)
    expect(forAttempt(2)).toBe(first)
  })
})
