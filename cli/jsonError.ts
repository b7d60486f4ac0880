/**
 * Where JSON text stops being JSON, as a line and column a person can jump to. Node's own
 * JSON.parse messages do not always say (Node 20: "Unexpected token '}', … is not valid
 * JSON"), so this walks the grammar (RFC 8259) and reports the first offending character.
 * Pure; only called after JSON.parse has already failed.
 */
export interface JsonErrorAt {
  offset: number
  line: number
  column: number
  message: string
}

export function locateJsonError(text: string): JsonErrorAt | null {
  let i = 0
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { at: i })
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++
  }
  const expectChar = (c: string) => {
    if (text[i] !== c) fail(i >= text.length ? `expected “${c}” but the text ended` : `expected “${c}”, found “${text[i]}”`)
    i++
  }
  const string = () => {
    expectChar('"')
    while (i < text.length) {
      const c = text[i] as string
      if (c === '"') return void i++
      if (c === '\\') {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape')
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else fail('bad escape in a string')
      } else if (c < ' ') fail('a control character inside a string (an unescaped line break?)')
      else i++
    }
    fail('a string is not closed')
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (!m) fail(`unexpected “${text[i]}”`)
    i += (m as RegExpExecArray)[0].length
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === undefined) return fail('the text ended where a value was expected')
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail(`expected a property name in double quotes, found “${text[i] ?? 'the end'}”`)
        string()
        ws()
        expectChar(':')
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') return void i++
        fail(text[i] === undefined ? 'an object is not closed' : `expected “,” or “}”, found “${text[i]}”`)
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') return void i++
        fail(text[i] === undefined ? 'a list is not closed' : `expected “,” or “]”, found “${text[i]}”`)
      }
    }
    if (c === '"') return string()
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) return number()
    fail(`unexpected “${c}”`)
  }
  try {
    value()
    ws()
    if (i < text.length) fail(`unexpected “${text[i]}” after the end of the document`)
    return null
  } catch (e) {
    const at = (e as { at?: number }).at ?? i
    const before = text.slice(0, at)
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    return { offset: at, line, column, message: (e as Error).message }
  }
}
